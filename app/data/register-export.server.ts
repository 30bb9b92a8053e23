import { sql } from "drizzle-orm";
import { registerExportHeader, registerExportRecord, registerExportWidth, type RegisterExportRow } from "#app/exports/register-csv";
import type { Actor } from "#app/utils/audit.server";
import { children, educationArrangements, organisations, parentsAndCarers } from "#db/schema/index";
import { rowsOf } from "#db/client";
import { isoDate, isoInstant, selection, staffName, streamCsvExport } from "./csv-export.server";
import type { RegisterQuery } from "./register-search.server";
import { registerExportPlan } from "./register-search.server";
import type { RegisterScope } from "./scope.server";

// The register list as CSV (/register/export.csv): every page of what the officer's list shows,
// restricted entries left out, with each entry's parents and arrangements (register-csv.ts).

const parentsJson = sql<string>`(select coalesce(json_agg(json_build_object(
    'name', ${parentsAndCarers.name}, 'relationship', ${parentsAndCarers.relationship},
    'hasParentalResponsibility', ${parentsAndCarers.hasParentalResponsibility}, 'livesWithChild', ${parentsAndCarers.livesWithChild},
    'addressLine1', ${parentsAndCarers.addressLine1}, 'addressLine2', ${parentsAndCarers.addressLine2}, 'town', ${parentsAndCarers.town},
    'postcode', ${parentsAndCarers.postcode}, 'phone', ${parentsAndCarers.phone}, 'email', ${parentsAndCarers.email},
    'educatesChild', ${parentsAndCarers.educatesChild}, 'hoursPerWeek', ${parentsAndCarers.hoursPerWeek}::text,
    'hoursEstimated', ${parentsAndCarers.hoursEstimated}, 'source', ${parentsAndCarers.source}
  ) order by ${parentsAndCarers.position}), '[]')::text from ${parentsAndCarers} where ${parentsAndCarers.childId} = ${children.id})`;

const arrangementsJson = sql<string>`(select coalesce(json_agg(json_build_object(
    'providerName', ${educationArrangements.providerName}, 'providerType', ${educationArrangements.providerType},
    'providerAddress', ${educationArrangements.providerAddress}, 'online', ${educationArrangements.online},
    'location', ${educationArrangements.location}, 'website', ${educationArrangements.website},
    'hoursPerWeek', ${educationArrangements.hoursPerWeek}::text, 'hoursWithoutParent', ${educationArrangements.hoursWithoutParent}::text,
    'hoursEstimated', ${educationArrangements.hoursEstimated}, 'source', ${educationArrangements.source}
  ) order by ${educationArrangements.position}), '[]')::text from ${educationArrangements} where ${educationArrangements.childId} = ${children.id})`;

// The export's columns, named as the cursor's rows carry them. Written as SQL rather than through
// the query builder: for a select from one table it leaves columns unqualified, and the parents'
// and arrangements' subqueries would then compare their own ids.
const EXPORT_FIELDS = {
  id: sql<string>`${children.id}`,
  child_reference: sql<string>`${children.childReference}`,
  la_child_id: sql`${children.laChildId}`,
  first_name: sql`${children.firstName}`,
  middle_names: sql`${children.middleNames}`,
  last_name: sql`${children.lastName}`,
  date_of_birth: isoDate(children.dateOfBirth),
  sex: sql`${children.sex}`,
  address_line_1: sql`${children.addressLine1}`,
  address_line_2: sql`${children.addressLine2}`,
  town: sql`${children.town}`,
  postcode: sql`${children.postcode}`,
  upn: sql`${children.upn}`,
  nhs_number: sql`${children.nhsNumber}`,
  education_status: sql`${children.educationStatus}`,
  home_education_reason: sql`${children.homeEducationReason}`,
  sen_status: sql`${children.senStatus}`,
  la_arranged_special_school_place: sql`${children.laArrangedSpecialSchoolPlace}`,
  social_care_status: sql`${children.socialCareStatus}`,
  named_school: sql`${children.namedSchool}`,
  allocated_social_worker: staffName(children.allocatedSocialWorkerId),
  at_risk_of_harm_from_home: sql`${children.atRiskOfHarmFromHome}`,
  characteristics: sql`${children.characteristics}::text`,
  sources: sql`${children.sources}::text`,
  date_entered: isoDate(children.dateEntered),
  status_since: isoDate(children.statusSince),
  date_left: isoDate(children.dateLeft),
  reason_left: sql`${children.reasonLeft}`,
  reason_left_detail: sql`${children.reasonLeftDetail}`,
  destination: sql`${children.destination}`,
  destination_council: sql`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${children.destinationLaId})`,
  attendance_order_route_since: isoDate(children.attendanceOrderRouteSince),
  caseload_owner: staffName(children.ownerUserId),
  last_contact_on: isoDate(children.lastContactOn),
  last_annual_review_on: isoDate(children.lastAnnualReviewOn),
  next_action: sql`${children.nextAction}`,
  next_action_due: isoDate(children.nextActionDue),
  updated_at: isoInstant(children.updatedAt),
  parents: parentsJson,
  arrangements: arrangementsJson,
};

/** How many parents and arrangements each entry has: the export's width, before its rows. */
const ENTRY_COUNTS = {
  id: sql`${children.id}`,
  parents: sql`(select count(*)::int from ${parentsAndCarers} where ${parentsAndCarers.childId} = ${children.id})`,
  arrangements: sql`(select count(*)::int from ${educationArrangements} where ${educationArrangements.childId} = ${children.id})`,
};

type CursorRow = Omit<RegisterExportRow, "characteristics" | "sources" | "parents" | "arrangements"> & { characteristics: string; sources: string; parents: string; arrangements: string };

function entryOf(row: CursorRow): RegisterExportRow {
  return {
    ...row,
    characteristics: JSON.parse(row.characteristics) as RegisterExportRow["characteristics"],
    sources: JSON.parse(row.sources) as RegisterExportRow["sources"],
    parents: JSON.parse(row.parents) as RegisterExportRow["parents"],
    arrangements: JSON.parse(row.arrangements) as RegisterExportRow["arrangements"],
  };
}

/**
 * Exports a register list (its search and filters, every page) as CSV. The audit event names
 * the filters, how many entries and which (by id), never the words searched.
 */
export async function exportRegister(scope: RegisterScope, query: Omit<RegisterQuery, "page">, actor: Actor, now = new Date()): Promise<ReadableStream<Uint8Array>> {
  const plan = await registerExportPlan(scope, query, now);
  return streamCsvExport<CursorRow>("register", async (tx) => {
    const ordered = sql`from ${children} where ${plan.where} order by ${sql.join(plan.order, sql`, `)}`;
    const entries = rowsOf<{ id: string; parents: number; arrangements: number }>(await tx.execute(sql`select ${selection(ENTRY_COUNTS)} ${ordered}`));
    await actor.audit(tx, {
      action: "register.exported",
      subjectType: "register",
      subjectId: scope.la.laId,
      details: { kind: plan.kind, filters: plan.filters, rows: entries.length, childIds: entries.map((e) => e.id) },
    });
    const most = (count: (e: (typeof entries)[number]) => number) => entries.reduce((n, e) => Math.max(n, count(e)), 0);
    const width = registerExportWidth(most((e) => e.parents), most((e) => e.arrangements));
    return {
      header: registerExportHeader(width),
      rows: sql`select ${selection(EXPORT_FIELDS)} ${ordered}`,
      record: (row) => registerExportRecord(entryOf(row), width),
    };
  });
}
