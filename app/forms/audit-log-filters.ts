import { validateChildReference } from "#app/domain/child-reference";
import { isAuditAction, type AuditAction } from "#app/domain/audit-actions";
import { compareDates, type IsoDate } from "#app/domain/dates";
import { dateFromParts, type DateParts } from "./fields";

// The audit log's filters, from the query string. A value that cannot be a filter is shown back
// beside its field with a message, never silently dropped (a narrower log would look complete).

export interface AuditLogFilters {
  childReference?: string;
  userId?: string;
  action?: AuditAction;
  from?: IsoDate;
  to?: IsoDate;
  /** Keyset paging: events older than this id. */
  beforeId?: number;
}

export interface ParsedAuditLogFilters {
  filters: AuditLogFilters;
  errors: Record<string, string>;
  /** What was asked for, to show in the fields again. */
  values: { childReference: string; userId: string; action: string; from: DateParts; to: DateParts };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function dateParts(params: URLSearchParams, name: string): DateParts {
  return { day: params.get(`${name}.day`) ?? "", month: params.get(`${name}.month`) ?? "", year: params.get(`${name}.year`) ?? "" };
}

export function parseAuditLogFilters(params: URLSearchParams): ParsedAuditLogFilters {
  const errors: Record<string, string> = {};
  const filters: AuditLogFilters = {};
  const childReference = (params.get("child") ?? "").trim();
  const userId = params.get("user") ?? "";
  const action = params.get("action") ?? "";
  const from = dateParts(params, "from");
  const to = dateParts(params, "to");
  if (childReference) {
    const checked = validateChildReference(childReference);
    if (checked.ok) filters.childReference = checked.reference;
    else errors.child = checked.message;
  }
  if (userId) {
    if (UUID.test(userId)) filters.userId = userId;
    else errors.user = "Select a person from the list";
  }
  if (action) {
    if (isAuditAction(action)) filters.action = action;
    else errors.action = "Select an action from the list";
  }
  for (const [name, parts, label] of [
    ["from", from, "the date to show events from"],
    ["to", to, "the date to show events to"],
  ] as const) {
    if (!parts.day && !parts.month && !parts.year) continue;
    const result = dateFromParts(parts, label);
    if (result.ok) filters[name] = result.date;
    else errors[name] = result.message;
  }
  if (filters.from && filters.to && compareDates(filters.from, filters.to) > 0) errors.to = "The date to show events to must be the same as or after the date to show them from";
  const before = Number(params.get("before"));
  if (Number.isSafeInteger(before) && before > 0) filters.beforeId = before;
  return { filters, errors, values: { childReference, userId, action, from, to } };
}

/** The query string for the same filters (without paging), for links and the CSV download. */
export function auditLogQuery(values: ParsedAuditLogFilters["values"], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (values.childReference) params.set("child", values.childReference);
  if (values.userId) params.set("user", values.userId);
  if (values.action) params.set("action", values.action);
  for (const name of ["from", "to"] as const) {
    for (const part of ["day", "month", "year"] as const) {
      const value = values[name][part];
      if (value) params.set(`${name}.${part}`, value);
    }
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
