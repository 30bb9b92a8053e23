import type { Route } from "./+types/inbox";
import { Button, Tag } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { inboxOf, markAllRead } from "#app/data/inbox.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/inbox").loader(async ({ user }) => {
  const messages = await inboxOf(user);
  return { messages: messages.map((m) => ({ id: m.id, subject: m.subject, body: m.body, link: m.link, when: m.createdAt.toISOString(), unread: m.readAt === null })) };
});

export const action = guard("routes/inbox").action(async ({ user }) => {
  await markAllRead(user);
  return { ok: true };
});

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

export default function Inbox({ loaderData }: Route.ComponentProps) {
  const unread = loaderData.messages.some((m) => m.unread);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Messages" />
        <h1 className="govuk-heading-l">Messages</h1>
        {loaderData.messages.length === 0 ? <p className="govuk-body">You have no messages.</p> : null}
        {unread ? (
          <form method="post">
            <Button variant="secondary">Mark all as read</Button>
          </form>
        ) : null}
        <ul className="govuk-list">
          {loaderData.messages.map((m) => (
            <li key={m.id} className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                {m.unread ? (
                  <>
                    <Tag colour="blue">Unread</Tag>{" "}
                  </>
                ) : null}
                {m.link ? (
                  <a className="govuk-link" href={m.link}>
                    {m.subject}
                  </a>
                ) : (
                  m.subject
                )}
              </h2>
              <p className="govuk-body-s govuk-!-margin-bottom-1">{timeFormat.format(new Date(m.when))}</p>
              <p className="govuk-body">{m.body}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
