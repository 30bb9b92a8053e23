import type { CensusDay } from "./census-dates";
import { TOPICS, type Counts } from "./statistics-breakdowns";

// The council's termly return for DfE's elective home education (EHE) and children missing
// education (CME) collection: aggregate counts on a census day, unrounded (it goes to DfE, not
// the public). Each field says whether it follows what DfE publishes about the collection or is
// this service's reading of it:
//
// - "dfe": the collection's census days (the school census days), counting children on the
//   census day, EHE children by DfE's categories of primary reason, by national curriculum year
//   group, by sex (F/M as the school census records it), by SEN (EHC plan, SEN support) and by
//   social care status (child in need, child protection plan, looked after): the dimensions DfE's
//   EHE and CME releases publish.
// - "service": everything this service decides, because DfE's collection template (a spreadsheet
//   in DfE's COLLECT system) was not available to copy field by field: the field codes and layout,
//   CME read as the register's "not on roll, no known education" status, the other statuses the
//   register keeps (unregistered settings, on roll but absent, arranged elsewhere, EOTAS), children
//   in non-school AP, consent requests under the 2026 Act, and in-year entries and returns.

export const TERMLY_RETURN_COLUMNS = ["la_code", "la_name", "census_date", "time_period", "time_identifier", "field", "description", "value", "basis"] as const;

export interface TermlyReturnRow {
  field: string;
  description: string;
  /** A count, or "x" where the register does not record it. */
  value: string;
  basis: "dfe" | "service";
}

const DFE_TOPICS = new Set(["total", "home_education_reason", "year_group", "sex", "sen_status", "social_care_status"]);
const DFE_STATUSES = new Set(["elective_home_education", "not_on_roll"]);

export function termlyReturnRows(counts: Counts): TermlyReturnRow[] {
  const rows: TermlyReturnRow[] = [];
  for (const topic of TOPICS) {
    for (const b of topic.breakdowns) {
      const value = counts[topic.code]?.[b.code];
      const dfe = DFE_TOPICS.has(topic.code) || (topic.code === "education_status" && DFE_STATUSES.has(b.code));
      rows.push({
        field: topic.code === "total" ? "total" : `${topic.code}.${b.code}`,
        description: topic.code === "total" ? "Children on the register on the census day" : `${topic.label}: ${b.label}`,
        value: value === null || value === undefined ? "x" : String(value),
        basis: dfe ? "dfe" : "service",
      });
    }
  }
  return rows;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function termlyReturnCsv(council: { laCode: string; name: string }, day: CensusDay, counts: Counts): string {
  const prefix = [council.laCode, council.name, day.date, day.timePeriod, day.timeIdentifier].map(field).join(",");
  const lines = [TERMLY_RETURN_COLUMNS.join(","), ...termlyReturnRows(counts).map((r) => `${prefix},${field(r.field)},${field(r.description)},${r.value},${r.basis}`)];
  return lines.join("\r\n") + "\r\n";
}
