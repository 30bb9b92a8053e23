import type { Route } from "./+types/home";
import { ConsentDecisionsDue } from "#app/components/ConsentDecisionsDue";
import { Table } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { socialWorkerDecisionsDue, statutoryDecisionsDue, type AskedOfSocialWorker } from "#app/data/consent.server";
import { consentScope } from "#app/data/scope.server";
import { workQueueFor } from "#app/data/work-queue.server";
import { formatDate } from "#app/domain/dates";
import { hasPermission, holdsPermission, ROLE_LABELS } from "#app/domain/roles";
import { homeFor } from "#app/home";
import { guard } from "#app/utils/route-guard.server";

const ASKED: Record<AskedOfSocialWorker, string> = {
  decision: "Your decision",
  view: "Your view, for the council's decision",
  council: "The council's decision (your view given)",
};

export const loader = guard("routes/home").loader(async ({ user, actor }) => ({
  name: user.name,
  role: ROLE_LABELS[user.role],
  organisation: user.organisationName,
  home: homeFor(user.role),
  queue: await workQueueFor(user),
  // The council's home-education consent decision-maker (a grant, decision 035) sees what waits for them.
  decisionsDue: holdsPermission(user, "decide:consent-statutory:own-la")
    ? (await statutoryDecisionsDue(consentScope(user), actor)).map((r) => ({ ...r, decideBy: formatDate(r.decideBy), reconsideration: r.reconsidersId !== null }))
    : null,
  // The allocated social worker sees what waits on them, with its decide-by date.
  socialWorkerDue: hasPermission(user.role, "decide:consent:allocated")
    ? (await socialWorkerDecisionsDue(consentScope(user), actor)).map((r) => ({ ...r, decideBy: formatDate(r.decideBy), reconsideration: r.reconsidersId !== null, asked: ASKED[r.asked] }))
    : null,
}));

export default function Home({ loaderData }: Route.ComponentProps) {
  const { home, queue } = loaderData;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={home.heading} />
        <span className="govuk-caption-l">
          {loaderData.name}, {loaderData.role}, {loaderData.organisation}
        </span>
        <h1 className="govuk-heading-l">{home.heading}</h1>
        <p className="govuk-body-l">{home.description}</p>
        {queue.length > 0 ? (
          <Table
            caption="Your work"
            head={[{ text: "Work" }, { text: "Number", format: "numeric" }]}
            rows={queue.map((line) => ({
              cells: [
                {
                  text: (
                    <a className="govuk-link" href={line.href} data-queue-line={line.id}>
                      {line.label}
                    </a>
                  ),
                },
                { text: line.count.toLocaleString("en-GB"), format: "numeric" },
              ],
            }))}
          />
        ) : null}
        {loaderData.socialWorkerDue ? (
          <ConsentDecisionsDue id="consent-requests-due" rows={loaderData.socialWorkerDue} heading="Home-education requests for your children" empty="No home-education request is waiting for you." />
        ) : null}
        {loaderData.decisionsDue ? (
          <ConsentDecisionsDue id="consent-decisions-due" rows={loaderData.decisionsDue} heading="Home-education consent decisions for the council" empty="No request is waiting for the council's decision." />
        ) : null}
        {home.links.map((link) => (
          <div key={link.href}>
            <h2 className="govuk-heading-m">
              <a className="govuk-link" href={link.href}>
                {link.text}
              </a>
            </h2>
            <p className="govuk-body">{link.description}</p>
          </div>
        ))}
      </div>
    </div>
  );
}
