import { useLoaderData } from "react-router";
import { PageTitle, SERVICE_NAME } from "#app/components/PageTitle";
import { retentionSchedule } from "#app/data/retention.server";
import { PROCESSING_ACTIVITIES, retentionOf, type Periods } from "#app/domain/processing-record";
import { serviceFacts } from "#app/service-pages.server";
import { guard } from "#app/utils/route-guard.server";

// How long each record is kept is read from the retention schedule the nightly job applies
// (decision 050), so the notice says what the service does.
export const loader = guard("routes/privacy").loader(async () => {
  const periods = Object.fromEntries((await retentionSchedule()).map((r) => [r.kind, r.period])) as Periods;
  return { ...serviceFacts(), retention: PROCESSING_ACTIVITIES.map((a) => ({ id: a.id, what: a.data.split(/[:(]/)[0]!.trim(), how: retentionOf(a, periods) })) };
});

export default function Privacy() {
  const { supportEmail, sessionAbsoluteHours, retention } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Privacy notice" />
        <h1 className="govuk-heading-l">Privacy notice</h1>
        <p className="govuk-body">
          This notice explains what personal data the {SERVICE_NAME} service holds, why, the law that allows it, how long it is kept and your rights.
        </p>

        <h2 className="govuk-heading-m">Who is responsible for your data</h2>
        <p className="govuk-body">
          Each council in England keeps its own register of children not in school in this service and is the controller of the personal data on
          its register. The national service team runs the service for the councils, and is the controller of the directory of non-school
          alternative provision and of the accounts of providers, reviewers and its own staff.
        </p>
        <p className="govuk-body">
          To ask about a child&apos;s record, contact the data protection officer of the council where the child lives. To ask about the directory
          or an account, email{" "}
          <a className="govuk-link" href={`mailto:${supportEmail}`}>
            {supportEmail}
          </a>
          .
        </p>

        <h2 className="govuk-heading-m">What personal data we hold</h2>
        <h3 className="govuk-heading-s">About children on a council&apos;s register</h3>
        <ul className="govuk-list govuk-list--bullet">
          <li>name, date of birth, sex and home address</li>
          <li>identifiers: Unique Pupil Number, NHS number, the council&apos;s own child ID and the register&apos;s child reference</li>
          <li>how the child is educated, by whom and for how many hours, and where each piece of information came from</li>
          <li>
            special category and sensitive information where the council holds it: special educational needs, social care status (such as a child
            protection plan or being looked after), and whether the child is at risk of harm at home
          </li>
          <li>the child&apos;s allocated social worker, home-education consent requests and decisions, and placements in alternative provision</li>
        </ul>
        <h3 className="govuk-heading-s">About parents and carers</h3>
        <p className="govuk-body">Name, address, contact details, relationship to the child, and whether and for how long they educate the child.</p>
        <h3 className="govuk-heading-s">About people who use the service</h3>
        <p className="govuk-body">
          Name, work email address, organisation and role; a record of what each person viewed and changed; and, to protect accounts, the
          addresses failed sign-ins came from.
        </p>
        <h3 className="govuk-heading-s">About alternative provision providers</h3>
        <p className="govuk-body">
          The organisation&apos;s details and the names of the people who apply for it. What is published in the directory is about the
          organisation and its sites, not about children.
        </p>

        <h2 className="govuk-heading-m">Why we hold it and the law that allows it</h2>
        <p className="govuk-body">
          Councils must keep a register of children not in school and use it to make sure every child receives a suitable education (sections
          436B to 436G of the Education Act 1996), decide whether to consent to some children being educated at home (section 434A), and act when
          a child is not receiving a suitable education (section 437). The lawful basis is that processing is necessary for a task carried out in
          the public interest or in the exercise of official authority (UK GDPR Article 6(1)(e)).
        </p>
        <p className="govuk-body">
          Special category data is processed for reasons of substantial public interest (UK GDPR Article 9(2)(g)): statutory and government
          purposes, and safeguarding of children and individuals at risk (Data Protection Act 2018, Schedule 1, paragraphs 6 and 18).
        </p>
        <p className="govuk-body">
          The register itself is never published. Only statistics rounded and suppressed so that no child can be identified are published.
        </p>

        <h2 className="govuk-heading-m">Who can see it</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>a council&apos;s own staff see its own register; another council sees only that it also has an entry for the same child</li>
          <li>a social worker sees only the children allocated to them</li>
          <li>a provider sees only the name, date of birth and placement dates of the children placed with it</li>
        </ul>

        <h2 className="govuk-heading-m">How long we keep it</h2>
        <p className="govuk-body">
          Each kind of record is kept for the period in the service&apos;s retention schedule, then deleted, or anonymised so that published statistics still add up: an
          anonymised entry keeps only the dates, education status, reason for home education, sex, special educational needs and social care status that the statistics
          count, and the school year group, never a name, address, identifier or note. A job applies the schedule every night and records what kind of record it removed
          and how many. Signed-in sessions end at the latest {sessionAbsoluteHours} hours after signing in.
        </p>
        <ul className="govuk-list govuk-list--bullet">
          {retention.map((r) => (
            <li key={r.id}>
              {r.what}: {r.how.charAt(0).toLowerCase() + r.how.slice(1)}
            </li>
          ))}
        </ul>
        <p className="govuk-body">
          While a council looks at a dispute about a child&apos;s record, it can restrict processing of the record: it stays on the council&apos;s register but is left out of
          statistics, the council&apos;s systems&apos; API and exports until the restriction is lifted.
        </p>

        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">You have the right to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>ask for a copy of the personal data held about you or your child</li>
          <li>ask for information that is wrong to be corrected</li>
          <li>ask for processing to be restricted while a disagreement about the data is looked at</li>
          <li>object to the processing of your data</li>
        </ul>
        <p className="govuk-body">Ask the council that holds the record. It must answer within one month.</p>

        <h2 className="govuk-heading-m">How to complain</h2>
        <p className="govuk-body">
          If you are unhappy with how your data has been handled, contact the council&apos;s data protection officer first. You can also complain
          to the{" "}
          <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/">
            Information Commissioner&apos;s Office
          </a>
          .
        </p>
      </div>
    </div>
  );
}
