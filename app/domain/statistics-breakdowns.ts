import { PROVISION_TYPES, PROVISION_TYPE_LABELS } from "./directory-vocabulary";
import {
  EDUCATION_STATUSES,
  EDUCATION_STATUS_LABELS,
  HOME_EDUCATION_REASONS,
  HOME_EDUCATION_REASON_LABELS,
  SEN_STATUSES,
  SEN_STATUS_LABELS,
  SEXES,
  SEX_LABELS,
  SOCIAL_CARE_STATUSES,
  SOCIAL_CARE_STATUS_LABELS,
} from "./register-vocabulary";

// What the statistics count, in one list: each breakdown topic, its breakdowns (code and the words
// published), and how its counts relate (which ones add up to which total). The counting, the
// disclosure control, the CSV and the pages all read this list, so a breakdown added here appears
// everywhere at once.

export const YEAR_GROUPS = ["reception", "year_1", "year_2", "year_3", "year_4", "year_5", "year_6", "year_7", "year_8", "year_9", "year_10", "year_11", "other"] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];
const YEAR_GROUP_LABELS: Record<YearGroup, string> = {
  reception: "Reception",
  ...(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`year_${i + 1}`, `Year ${i + 1}`])) as Record<Exclude<YearGroup, "reception" | "other">, string>),
  other: "Outside reception to year 11",
};

export interface TopicDefinition {
  code: string;
  label: string;
  breakdowns: readonly { code: string; label: string }[];
  /**
   * "total": the breakdowns add up to the topic's parent (a child is in exactly one);
   * "overlapping": a child may be in several, so they add up to nothing;
   * "flow": counts of events in the academic year so far, not shares of anything.
   */
  kind: "total" | "additive" | "overlapping" | "flow";
  /** For additive and overlapping topics: the cell their breakdowns are shares of. */
  parent?: { topic: string; breakdown: string };
  /** Why a count is not available ("x"), when the register does not record it yet. */
  notAvailable?: Record<string, string>;
  description: string;
}

const list = <T extends string>(codes: readonly T[], labels: Record<T, string>) => codes.map((code) => ({ code, label: labels[code] }));

export const TOTAL = { topic: "total", breakdown: "total" } as const;

export const TOPICS: readonly TopicDefinition[] = [
  { code: "total", label: "Total", kind: "total", breakdowns: [{ code: "total", label: "Total" }], description: "Children on the register on the census day." },
  {
    code: "education_status",
    label: "Education status",
    kind: "additive",
    parent: TOTAL,
    breakdowns: list(EDUCATION_STATUSES, EDUCATION_STATUS_LABELS),
    description: "Each child's education status as the register recorded it on the census day.",
  },
  {
    code: "home_education_reason",
    label: "Primary reason for home education",
    kind: "additive",
    parent: { topic: "education_status", breakdown: "elective_home_education" },
    breakdowns: list(HOME_EDUCATION_REASONS, HOME_EDUCATION_REASON_LABELS),
    description: "Children in elective home education on the census day, by the primary reason recorded (DfE's categories); none recorded counts as 'No reason recorded'.",
  },
  {
    code: "sex",
    label: "Sex",
    kind: "additive",
    parent: TOTAL,
    breakdowns: [...list(SEXES, SEX_LABELS), { code: "unknown", label: "Unknown" }],
    description: "Sex as recorded (female or male, as the school census records it); no answer counts as unknown.",
  },
  {
    code: "year_group",
    label: "National curriculum year group",
    kind: "additive",
    parent: TOTAL,
    breakdowns: list(YEAR_GROUPS, YEAR_GROUP_LABELS),
    description: "The year group a child of that date of birth is in during the census day's academic year (age on 31 August before it: 4 is reception, 15 is year 11).",
  },
  {
    code: "social_care_status",
    label: "Social care status",
    kind: "additive",
    parent: TOTAL,
    breakdowns: list(SOCIAL_CARE_STATUSES, SOCIAL_CARE_STATUS_LABELS),
    description: "Social care status as the register recorded it on the census day.",
  },
  {
    code: "sen_status",
    label: "Special educational needs",
    kind: "additive",
    parent: TOTAL,
    breakdowns: list(SEN_STATUSES, SEN_STATUS_LABELS),
    description: "Special educational needs as the register recorded them on the census day.",
  },
  {
    code: "ap_provision_type",
    label: "Children in non-school alternative provision by provision type",
    kind: "overlapping",
    parent: TOTAL,
    breakdowns: [{ code: "total", label: "Total" }, ...list(PROVISION_TYPES, PROVISION_TYPE_LABELS)],
    description:
      "Children on the register with a placement at a listed provider on the census day. A child is counted under every type of provision the provider is listed for, so the types do not add up to the total.",
  },
  {
    code: "consent_requests",
    label: "Home-education consent requests in the academic year",
    kind: "flow",
    breakdowns: [
      { code: "raised", label: "Raised" },
      { code: "agreed", label: "Agreed" },
      { code: "refused", label: "Refused" },
    ],
    description: "Requests for a social worker's agreement to home education raised, agreed and refused from 1 September to the census day.",
  },
  {
    code: "in_year",
    label: "In the academic year",
    kind: "flow",
    breakdowns: [
      { code: "entries_started", label: "Entries started" },
      { code: "returned_to_school", label: "Returned to school" },
      { code: "school_attendance_orders", label: "School attendance orders" },
    ],
    description: "Entries started, children who left the register to return to school, and school attendance orders served, from 1 September to the census day.",
  },
];

export const TOPIC_BY_CODE = new Map(TOPICS.map((t) => [t.code, t]));

/** Counts for one area on one census day: topic code, then breakdown code; null where not available. */
export type Counts = Record<string, Record<string, number | null>>;

export function emptyCounts(): Counts {
  const counts: Counts = {};
  for (const topic of TOPICS) {
    counts[topic.code] = {};
    for (const b of topic.breakdowns) counts[topic.code]![b.code] = topic.notAvailable?.[b.code] ? null : 0;
  }
  return counts;
}

/** Adds `from` into `into` (areas into their region, regions into England). */
export function addCounts(into: Counts, from: Counts): void {
  for (const [topic, breakdowns] of Object.entries(from)) {
    for (const [breakdown, value] of Object.entries(breakdowns)) {
      const current = into[topic]![breakdown];
      into[topic]![breakdown] = current === null || current === undefined || value === null ? null : current + value;
    }
  }
}
