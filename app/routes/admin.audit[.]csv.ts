import { recordEvent } from "#app/data/audit-events.server";
import { AUDIT_EXPORT_LIMIT, describeAuditEvent, listLaAuditEvents } from "#app/data/la-audit-log.server";
import { laScope } from "#app/data/scope.server";
import { auditActionLabel } from "#app/domain/audit-actions";
import { londonDate } from "#app/domain/dates";
import { ROLE_LABELS } from "#app/domain/roles";
import { parseAuditLogFilters } from "#app/forms/audit-log-filters";
import { csvField } from "#app/open-data/providers";
import { guard } from "#app/utils/route-guard.server";

const AUDIT_CSV_COLUMNS = ["event_id", "occurred_at", "who", "role", "what_happened", "action_code", "about"] as const;

/** The audit log's events for the same filters as the page, as CSV (formula-safe cells). */
export const loader = guard("routes/admin.audit[.]csv").loader(async ({ user, request, audit }) => {
  const scope = laScope(user);
  const { filters, errors } = parseAuditLogFilters(new URL(request.url).searchParams);
  if (Object.keys(errors).length > 0) return new Response(`${Object.values(errors).join("\n")}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { events } = await listLaAuditEvents(scope, filters, AUDIT_EXPORT_LIMIT);
  await recordEvent(audit, { action: "audit_log.exported", subjectType: "audit_log", subjectId: scope.laId, details: { rows: events.length } });
  const lines = [AUDIT_CSV_COLUMNS.join(",")];
  for (const row of events) {
    const line = describeAuditEvent(row, ROLE_LABELS, auditActionLabel);
    lines.push([line.id, line.when, line.who, line.role, line.sentence, row.action, line.about].map(csvField).join(","));
  }
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${londonDate(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
