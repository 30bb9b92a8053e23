import { data } from "react-router";
import type { Route } from "./+types/service-admin.emails";
import { NotificationBanner, Table } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { retryEmail, serviceAdminScope } from "#app/data/service-admin.server";
import { deliverEmails, listFailedEmails } from "#app/utils/notify.server";
import { guard } from "#app/utils/route-guard.server";

// Emails the service stopped trying to send (a permanent refusal, or the last of EMAIL_MAX_ATTEMPTS),
// for the service admin to see and send again once the cause is fixed. Emails name no child.

export const loader = guard("routes/service-admin.emails").loader(async ({ user }) => {
  serviceAdminScope(user);
  const failed = await listFailedEmails();
  return {
    failed: failed.map((e) => ({ id: e.id, to: e.to, subject: e.subject, created: e.createdAt.toISOString(), failed: e.failedAt.toISOString(), attempts: e.attempts, lastError: e.lastError })),
  };
});

export const action = guard("routes/service-admin.emails").action(async ({ user, request, audit }) => {
  const form = await request.formData();
  const emailId = String(form.get("emailId") ?? "");
  if (form.get("intent") !== "retry" || !/^[0-9a-f-]{36}$/.test(emailId)) throw data({ reason: "bad-request" }, { status: 400 });
  const retried = await retryEmail(serviceAdminScope(user), emailId, audit);
  if (!retried) return data({ notRetried: true as const }, { status: 409 });
  await deliverEmails();
  return { retried: true as const };
});

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default function FailedEmails({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <PageTitle title="Failed emails" />
      {actionData && "retried" in actionData ? <NotificationBanner type="success" heading="The email has been sent again, or queued to be" /> : null}
      {actionData && "notRetried" in actionData ? <NotificationBanner heading="That email is no longer failed: it was sent or retried already" /> : null}
      <h1 className="govuk-heading-l">Failed emails</h1>
      <p className="govuk-body">
        The service tries each email several times over a few hours before it stops. These are the emails it stopped trying to send. Fix the cause (the
        email sender&apos;s settings, or the person&apos;s email address), then send them again.
      </p>
      {loaderData.failed.length === 0 ? (
        <p className="govuk-body">There are no failed emails.</p>
      ) : (
        <Table
          caption="Failed emails, most recent first"
          captionSize="s"
          head={[{ text: "To" }, { text: "Subject" }, { text: "Written" }, { text: "Stopped" }, { text: "Attempts", format: "numeric" }, { text: "Last error" }, { text: "Action" }]}
          rows={loaderData.failed.map((e) => ({
            cells: [
              { text: e.to },
              { text: e.subject },
              { text: timeFormat.format(new Date(e.created)) },
              { text: timeFormat.format(new Date(e.failed)) },
              { text: String(e.attempts), format: "numeric" },
              { text: e.lastError ? <code className="app-code">{e.lastError}</code> : "" },
              {
                text: (
                  <form method="post">
                    <input type="hidden" name="emailId" value={e.id} />
                    <button type="submit" name="intent" value="retry" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                      Send again<span className="govuk-visually-hidden"> to {e.to}</span>
                    </button>
                  </form>
                ),
              },
            ],
          }))}
        />
      )}
    </>
  );
}
