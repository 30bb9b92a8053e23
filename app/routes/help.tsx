import { useLoaderData } from "react-router";
import { PageTitle, SERVICE_NAME } from "#app/components/PageTitle";
import { serviceFacts } from "#app/service-pages.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/help").loader(() => serviceFacts());

export default function Help() {
  const { supportEmail } = useLoaderData<typeof loader>();
  const mail = (
    <a className="govuk-link" href={`mailto:${supportEmail}`}>
      {supportEmail}
    </a>
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Help and contact" />
        <h1 className="govuk-heading-l">Help and contact</h1>

        <h2 className="govuk-heading-m">If you work for a council</h2>
        <p className="govuk-body">
          Your council&apos;s admin for this service can add you, change your role, and send you a new link if you cannot sign in. For anything
          else, such as a problem with the service, email {mail}.
        </p>

        <h2 className="govuk-heading-m">If you run alternative provision</h2>
        <p className="govuk-body">
          For help applying to be listed in the directory, or with your organisation&apos;s account, email {mail}. Say which organisation you work
          for. Never send us children&apos;s details by email.
        </p>

        <h2 className="govuk-heading-m">If you are a parent or carer</h2>
        <p className="govuk-body">
          Contact the council where your child lives about your child&apos;s education. The {SERVICE_NAME} team cannot tell you whether a child is
          on a council&apos;s register, or change a child&apos;s record.
        </p>

        <h2 className="govuk-heading-m" id="feedback">
          Feedback
        </h2>
        <p className="govuk-body">
          This is a new service. To tell us what works and what does not, email {mail}. We read every message and reply within 5 working days.
        </p>
      </div>
    </div>
  );
}
