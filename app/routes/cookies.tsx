import { KEPT_ANSWERS_MINUTES } from "#app/domain/kept-answers";
import { useLoaderData } from "react-router";
import { Table } from "#app/components/govuk";
import { PageTitle, SERVICE_NAME } from "#app/components/PageTitle";
import { serviceFacts } from "#app/service-pages.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/cookies").loader(() => serviceFacts());

export default function Cookies() {
  const { sessionCookie, keptAnswersCookie, sessionIdleMinutes, sessionAbsoluteHours } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Cookies" />
        <h1 className="govuk-heading-l">Cookies</h1>
        <p className="govuk-body">Cookies are small files saved on your phone, tablet or computer when you visit a website.</p>
        <p className="govuk-body">
          {SERVICE_NAME} uses one cookie once you sign in, and a second only if you are signed out while sending a form. Both are essential, so they
          are set without asking. We do not use analytics, advertising or any other cookies, and the directory can be searched without any cookie at
          all.
        </p>
        <h2 className="govuk-heading-m">Essential cookies</h2>
        <Table
          caption="The cookies this service sets"
          head={[{ text: "Name" }, { text: "Purpose" }, { text: "Expires" }]}
          rows={[
            {
              cells: [
                { text: sessionCookie },
                { text: "Keeps you signed in. It holds a random value only, and cannot be read by the page's scripts." },
                {
                  text: `It stops working when you sign out, after ${sessionIdleMinutes} minutes without activity, or ${sessionAbsoluteHours} hours after signing in; your browser deletes it an hour after that at the latest`,
                },
              ],
            },
            {
              cells: [
                { text: keptAnswersCookie },
                { text: "Finds the answers you sent after you had been signed out, to give them back to you when you sign in again. It holds a random value only." },
                { text: `When you get your answers back, or after ${KEPT_ANSWERS_MINUTES} minutes` },
              ],
            },
          ]}
        />
      </div>
    </div>
  );
}
