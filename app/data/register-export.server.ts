import { sql } from "drizzle-orm";
import { registerExportHeader, registerExportRecord, registerExportWidth, type RegisterExportRow } from "#app/exports/register-csv";
import type { Actor } from "#app/utils/audit.server";
import { children, educationArrangements, organisations, parentsAndCarers } from "#db/schema/index";
import { isoDate, isoInstant, staffName, streamCsvExport } from "./csv-export.server";
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
    'educatesChild', ${parentsAndCarers.educatesChild}, 'hoursPerWeek', ${parentsAndCarers.hoursPerWeek}::text
  ) order by ${parentsAndCarers.position}), '[]')::text from ${parentsAndCarers} where ${parentsAndCarers.childId} = ${children.id})`;

const arrangementsJson = sql<string>`(select coalesce(json_agg(json_build_object(
    'providerName', ${educationArrangements.providerName}, 'providerType', ${educationArrangements.providerType}, 'online', ${educationArrangements.online},
    'location', ${educationArrangements.location}, 'hoursPerWeek', ${educationArrangements.hoursPerWeek}::text, 'hoursWithoutParent', ${educationArrangements.hoursWithoutParent}::text
  ) order by ${educationArrangements.position}), '[]')::text from ${educationArrangements} where ${educationArrangements.childId} = ${children.id})`;

/** The export's columns, named as the cursor's rows carry them. */
const EXPORT_SELECT = {
  id: sql<string>`${children.id}`.as("id"),
  child_reference: sql<string>`${children.childReference}`.as("child_reference"),
  la_child_id: sql`${children.laChildId}`.as("la_child_id"),
  first_name: sql`${children.firstName}`.as("first_name"),
  middle_names: sql`${children.middleNames}`.as("middle_names"),
  last_name: sql`${children.lastName}`.as("last_name"),
  date_of_birth: isoDate(children.dateOfBirth).as("date_of_birth"),
  sex: sql`${children.sex}`.as("sex"),
  address_line_1: sql`${children.addressLine1}`.as("address_line_1"),
  address_line_2: sql`${children.addressLine2}`.as("address_line_2"),
  town: sql`${children.town}`.as("town"),
  postcode: sql`${children.postcode}`.as("postcode"),
  upn: sql`${children.upn}`.as("upn"),
  nhs_number: sql`${children.nhsNumber}`.as("nhs_number"),
  education_status: sql`${children.educationStatus}`.as("education_status"),
  home_education_reason: sql`${children.homeEducationReason}`.as("home_education_reason"),
  sen_status: sql`${children.senStatus}`.as("sen_status"),
  la_arranged_special_school_place: sql`${children.laArrangedSpecialSchoolPlace}`.as("la_arranged_special_school_place"),
  social_care_status: sql`${children.socialCareStatus}`.as("social_care_status"),
  named_school: sql`${children.namedSchool}`.as("named_school"),
  allocated_social_worker: staffName(children.allocatedSocialWorkerId).as("allocated_social_worker"),
  at_risk_of_harm_from_home: sql`${children.atRiskOfHarmFromHome}`.as("at_risk_of_harm_from_home"),
  sources: sql`${children.sources}::text`.as("sources"),
  date_entered: isoDate(children.dateEntered).as("date_entered"),
  status_since: isoDate(children.statusSince).as("status_since"),
  date_left: isoDate(children.dateLeft).as("date_left"),
  reason_left: sql`${children.reasonLeft}`.as("reason_left"),
  reason_left_detail: sql`${children.reasonLeftDetail}`.as("reason_left_detail"),
  destination: sql`${children.destination}`.as("destination"),
  destination_council: sql`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${children.destinationLaId})`.as("destination_council"),
  attendance_order_route_since: isoDate(children.attendanceOrderRouteSince).as("attendance_order_route_since"),
  caseload_owner: staffName(children.ownerUserId).as("caseload_owner"),
  last_contact_on: isoDate(children.lastContactOn).as("last_contact_on"),
  last_annual_review_on: isoDate(children.lastAnnualReviewOn).as("last_annual_review_on"),
  next_action: sql`${children.nextAction}`.as("next_action"),
  next_action_due: isoDate(children.nextActionDue).as("next_action_due"),
  updated_at: isoInstant(children.updatedAt).as("updated_at"),
  parents: parentsJson.as("parents"),
  arrangements: arrangementsJson.as("arrangements"),
};

type CursorRow = Omit<RegisterExportRow, "sources" | "parents" | "arrangements"> & { sources: string; parents: string; arrangements: string };

function entryOf(row: CursorRow): RegisterExportRow {
  return { ...row, sources: JSON.parse(row.sources) as RegisterExportRow["sources"], parents: JSON.parse(row.parents) as RegisterExportRow["parents"], arrangements: JSON.parse(row.arrangements) as RegisterExportRow["arrangements"] };
}

/**
 * Exports a register list (its search and filters, every page) as CSV. The audit event names
 * the filters, how many entries and which (by id), never the words searched.
 */
export async function exportRegister(scope: RegisterScope, query: Omit<RegisterQuery, "page">, actor: Actor, now = new Date()): Promise<ReadableStream<Uint8Array>> {
  const plan = await registerExportPlan(scope, query, now);
  return streamCsvExport<CursorRow>("register", async (tx) => {
    const entries = await tx
      .select({
        id: children.id,
        parents: sql<number>`(select count(*) from ${parentsAndCarers} where ${parentsAndCarers.childId} = ${children.id})`.mapWith(Number),
        arrangements: sql<number>`(select count(*) from ${educationArrangements} where ${educationArrangements.childId} = ${children.id})`.mapWith(Number),
      })
      .from(children)
      .where(plan.where)
      .orderBy(...plan.order);
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
      rows: tx.select(EXPORT_SELECT).from(children).where(plan.where).orderBy(...plan.order).getSQL(),
      record: (row) => registerExportRecord(entryOf(row), width),
    };
  });
}
