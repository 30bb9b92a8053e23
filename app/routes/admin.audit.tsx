import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/admin.audit";
import { Button, DateInput, ErrorSummary, Select, Table, TextInput } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { recordEvent } from "#app/data/audit-events.server";
import { AUDIT_PAGE_SIZE, describeAuditEvent, laPeople, listLaAuditEvents } from "#app/data/la-audit-log.server";
import { laScope } from "#app/data/scope.server";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel } from "#app/domain/audit-actions";
import { ROLE_LABELS } from "#app/domain/roles";
import { auditLogQuery, parseAuditLogFilters } from "#app/forms/audit-log-filters";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/admin.audit").loader(async ({ user, request, audit }) => {
  const scope = laScope(user);
  const { filters, errors, values } = parseAuditLogFilters(new URL(request.url).searchParams);
  const hasErrors = Object.keys(errors).length > 0;
  const [found, people] = await Promise.all([hasErrors ? { events: [], unknownChild: false } : listLaAuditEvents(scope, filters), laPeople(scope)]);
  if (found.unknownChild) errors.child = "There is no child with this reference on your council's register";
  await recordEvent(audit, { action: "audit_log.viewed", subjectType: "audit_log", subjectId: scope.laId, details: { filtered: Object.keys(filters).filter((k) => k !== "beforeId") } });
  const events = found.events.map((e) => describeAuditEvent(e, ROLE_LABELS, auditActionLabel));
  return {
    organisation: user.organisationName,
    values,
    errors,
    people,
    events,
    filtered: !!(filters.childReference || filters.userId || filters.action || filters.from || filters.to),
    olderHref: events.length === AUDIT_PAGE_SIZE ? `${href("/admin/audit")}${auditLogQuery(values, { before: String(events[events.length - 1]!.id) })}` : null,
    newestHref: filters.beforeId ? `${href("/admin/audit")}${auditLogQuery(values)}` : null,
    csvHref: `${href("/admin/audit.csv")}${auditLogQuery(values)}`,
  };
});

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
const ACTION_OPTIONS = [...AUDIT_ACTIONS].map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a].replace(/^./, (c) => c.toUpperCase()) })).sort((a, b) => a.label.localeCompare(b.label));
const ERROR_ORDER = ["child", "user", "action", "from", "to"];

export default function AuditLog({ loaderData: d }: Route.ComponentProps) {
  const errorList = ERROR_ORDER.filter((k) => d.errors[k]).map((k) => ({ href: `#filter-${k}`, text: d.errors[k]! }));
  return (
    <>
      <PageTitle title="Audit log" hasErrors={errorList.length > 0} />
      <ErrorSummary errors={errorList} />
      <span className="govuk-caption-l">{d.organisation}</span>
      <h1 className="govuk-heading-l">Audit log</h1>
      <PurposeStatement routeId="routes/admin.audit" />
      <p className="govuk-body">
        What your council&apos;s staff have done in the service, and what the service itself and other organisations have done about your council&apos;s children, placements, consent
        requests and users. Newest first. Events cannot be changed or deleted.
      </p>
      <form method="get" action={href("/admin/audit")} role="search" aria-label="Filter the audit log" noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextInput id="filter-child" name="child" label="Child reference" error={d.errors.child} defaultValue={d.values.childReference} width="10" spellCheck={false} />
            <Select
              id="filter-user"
              name="user"
              label="Who"
              error={d.errors.user}
              defaultValue={d.values.userId}
              options={[{ value: "", label: "Anyone" }, ...d.people.map((p) => ({ value: p.id, label: p.name }))]}
            />
            <Select id="filter-action" name="action" label="What happened" error={d.errors.action} defaultValue={d.values.action} options={[{ value: "", label: "Anything" }, ...ACTION_OPTIONS]} />
          </div>
          <div className="govuk-grid-column-one-half">
            <DateInput id="filter-from" namePrefix="from" legend="From" legendSize="s" hint="For example, 27 3 2026" error={d.errors.from} values={d.values.from} />
            <DateInput id="filter-to" namePrefix="to" legend="To" legendSize="s" error={d.errors.to} values={d.values.to} />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button variant="secondary">Filter events</Button>
          {d.filtered ? (
            <a className="govuk-link" href={href("/admin/audit")}>
              Clear filters
            </a>
          ) : null}
        </div>
      </form>
      <p className="govuk-body">
        <a className="govuk-link" href={d.csvHref} download>
          Download these events as CSV
        </a>{" "}
        (up to 50,000, newest first)
      </p>
      {d.events.length === 0 ? (
        <p className="govuk-body">No events match.</p>
      ) : (
        <Table
          caption="Audit events"
          captionSize="m"
          head={[{ text: "When" }, { text: "What happened" }, { text: "About" }]}
          rows={d.events.map((e) => ({
            cells: [{ text: timeFormat.format(new Date(e.when)) }, { text: e.role ? `${e.sentence} (${e.role})` : e.sentence }, { text: e.about }],
          }))}
        />
      )}
      <p className="govuk-body">
        {d.newestHref ? (
          <a className="govuk-link govuk-!-margin-right-4" href={d.newestHref}>
            Newest events
          </a>
        ) : null}
        {d.olderHref ? (
          <a className="govuk-link" href={d.olderHref}>
            Older events
          </a>
        ) : null}
      </p>
    </>
  );
}
