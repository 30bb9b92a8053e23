import type { Route } from "./+types/admin.audit";
import { Table } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { recordEvent } from "#app/data/audit-events.server";
import { AUDIT_PAGE_SIZE, listLaAuditEvents } from "#app/data/la-audit-log.server";
import { laScope } from "#app/data/scope.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.audit").loader(async ({ user, request, audit }) => {
  const before = Number(new URL(request.url).searchParams.get("before"));
  const scope = laScope(user);
  const events = await listLaAuditEvents(scope, { beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined });
  await recordEvent(audit, { action: "audit_log.viewed", subjectType: "audit_log", subjectId: scope.laId });
  return {
    organisation: user.organisationName,
    events: events.map((e) => ({
      id: e.id,
      when: e.occurredAt.toISOString(),
      who: e.actorName ?? "Unknown",
      role: e.actorRole ?? "",
      action: e.action,
      subject: `${e.subjectType}${e.subjectId ? ` ${e.subjectId}` : ""}`,
    })),
    olderHref: events.length === AUDIT_PAGE_SIZE ? `/admin/audit?before=${events[events.length - 1]!.id}` : null,
  };
});

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageTitle title="Audit log" />
      <span className="govuk-caption-l">{loaderData.organisation}</span>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">What your council&apos;s staff have done in the service, newest first. Events cannot be changed or deleted.</p>
      <Table
        caption="Audit events"
        captionSize="m"
        head={[{ text: "When" }, { text: "Who" }, { text: "Action" }, { text: "Record" }]}
        rows={loaderData.events.map((e) => ({
          cells: [{ text: timeFormat.format(new Date(e.when)) }, { text: `${e.who} (${e.role})` }, { text: e.action }, { text: e.subject }],
        }))}
      />
      {loaderData.olderHref ? (
        <p className="govuk-body">
          <a className="govuk-link" href={loaderData.olderHref}>
            Older events
          </a>
        </p>
      ) : null}
    </>
  );
}
