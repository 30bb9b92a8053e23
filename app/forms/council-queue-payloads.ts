import { z } from "zod";
import { MATCH_REASONS } from "#app/domain/child-matching";
import type { QueueKind } from "#app/domain/council-queue";
import { DELETION_GROUNDS } from "#app/domain/deletion-grounds";
import { S434A_GROUNDS } from "#app/domain/deletion-returns";
import { PARENT_NOTICES } from "#app/domain/parent-duties";
import { EDUCATION_STATUSES, PROVIDER_TYPES, RELATIONSHIPS } from "#app/domain/register-vocabulary";

// Each council queue kind's payload (decision 030), checked when an item is added and when read.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const contact = z.object({ email: z.string().nullable(), phone: z.string().nullable() });

const address = z.object({ addressLine1: z.string(), addressLine2: z.string().nullable(), town: z.string(), postcode: z.string() });
/** A pupil as a school's return names them. */
const pupil = { firstName: z.string(), middleNames: z.string().nullable(), lastName: z.string(), dateOfBirth: isoDate, upn: z.string().nullable(), address };

const deletionReturnPayload = z.object({
    returnId: z.uuid(),
    schoolName: z.string(),
    urn: z.string(),
    firstName: z.string(),
    middleNames: z.string().nullable(),
    lastName: z.string(),
    dateOfBirth: isoDate,
    upn: z.string().nullable(),
    address: z.object({ addressLine1: z.string(), addressLine2: z.string().nullable(), town: z.string(), postcode: z.string() }),
    parentName: z.string(),
    parentRelationship: z.enum(RELATIONSHIPS),
    /** Null: the parent lives at the pupil's address. */
    parentAddress: z.object({ addressLine1: z.string(), town: z.string(), postcode: z.string() }).nullable(),
    emergencyPhone: z.string(),
    ground: z.enum(DELETION_GROUNDS),
    noticeDate: isoDate.nullable(),
    nextSchool: z.string().nullable(),
    knownToSchool: z.array(z.enum(["childProtectionPlan", "s47Enquiries", "laArrangedSpecialSchoolPlace"])),
    /** The s434A grounds the school or the register gave: the school was told to wait for consent. */
    needsConsent: z.boolean(),
    consentGrounds: z.array(z.enum(S434A_GROUNDS)),
  });

/** What each kind carries: only what the receiving council needs to decide. */
export const QUEUE_PAYLOADS = {
  // Issue 15 item 4: the receiving council sees only these fields of the sending council's entry.
  incoming_transfer: z.object({
    fromLaName: z.string(),
    sendingTeam: contact,
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: isoDate,
    childReference: z.string(),
    newAddress: z.object({ addressLine1: z.string(), addressLine2: z.string().nullable(), town: z.string(), postcode: z.string() }).nullable(),
    educationStatus: z.enum(EDUCATION_STATUSES),
    socialWorkerInvolved: z.boolean(),
    dateLeft: isoDate,
    openConsentRequests: z.number().int().min(0),
    currentPlacements: z.number().int().min(0),
  }),
  // Issue 15 item 5: a child this council added matches one who left another council's register
  // with destination unknown. Until a person here confirms it, only the other council's name shows.
  destination_unknown_match: z.object({
    leftLaName: z.string(),
    leftOn: isoDate,
    strength: z.enum(["exact", "likely"]),
    reasons: z.array(z.enum(MATCH_REASONS)),
    leavingTeam: contact,
  }),
  // Issue 15 item 3: another council asks whether a child here is the child on its register. Until
  // this council confirms, it sees only the asking council's name, its team and why they may match.
  same_child_request: z.object({
    askingLaName: z.string(),
    askingTeam: contact,
    reasons: z.array(z.enum(MATCH_REASONS)),
  }),
  // Issue 17 item 3: a school's deletion return, as the school sent it, for the officer to match,
  // make into an entry, or record as moved to another school (decision 069).
  deletion_return: deletionReturnPayload,
  // Issue 17 item 4 (decision 076): a school's new pupil who may be a child on this register (the
  // candidates are looked up again when the item is shown) or one who left another council's
  // register with destination unknown (`elsewhere`, the item's source entry: only that council's
  // name and team show until a person here confirms it).
  new_pupil_return: z.object({
    returnId: z.uuid(),
    schoolName: z.string(),
    urn: z.string(),
    ...pupil,
    joinedOn: isoDate,
    previousSchool: z.string().nullable(),
    elsewhere: z.object({ laName: z.string(), leftOn: isoDate, strength: z.enum(["exact", "likely"]), reasons: z.array(z.enum(MATCH_REASONS)), team: contact }).nullable(),
  }),
  // A deletion return recorded as "moved to another school" whose new school sent no new pupil
  // return in the council's set time: the return as the school sent it, and the days.
  missing_new_pupil_return: z.object({ deletion: deletionReturnPayload, movedRecordedOn: isoDate, dueBy: isoDate }),
  // Issue 17 item 5: a school reports a pupil on roll who has attended none of the last sessions,
  // all unauthorised absence.
  never_attending: z.object({
    returnId: z.uuid(),
    schoolName: z.string(),
    urn: z.string(),
    ...pupil,
    parentName: z.string(),
    parentRelationship: z.enum(RELATIONSHIPS),
    emergencyPhone: z.string(),
    sessionsMissed: z.number().int().positive(),
    absentSince: isoDate,
  }),
  // Issue 16 item 2: a parent's notification through the public form (s436D; decision 073), as the
  // parent gave it, for the officer to match, make into an entry, or record as nothing to register.
  // A change names the reference of the notification it changes.
  parent_notification: z.object({
    reference: z.string(),
    notice: z.enum(PARENT_NOTICES),
    earlierReference: z.string().nullable(),
    contactEmail: z.string(),
    child: z.object({
      firstName: z.string(),
      middleNames: z.string().nullable(),
      lastName: z.string(),
      dateOfBirth: isoDate,
      address: z.object({ addressLine1: z.string(), addressLine2: z.string().nullable(), town: z.string(), postcode: z.string() }).nullable(),
    }),
    parents: z.array(
      z.object({
        name: z.string(),
        relationship: z.enum(RELATIONSHIPS),
        livesWithChild: z.boolean(),
        /** Where a parent who does not live with the child lives, when they said (null: not given). */
        address: z.object({ addressLine1: z.string(), town: z.string(), postcode: z.string() }).nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        /** Hours a week this parent educates the child (s436C(1)), when they said. */
        hoursPerWeek: z.number().nullable(),
      }),
    ),
    education: z
      .object({
        status: z.enum(EDUCATION_STATUSES),
        providers: z.array(z.object({ name: z.string(), type: z.enum(PROVIDER_TYPES), online: z.boolean(), location: z.string(), hoursPerWeek: z.number(), hoursWithoutParent: z.number() })),
      })
      .nullable(),
    changes: z.array(z.string()),
    changeDetails: z.string().nullable(),
  }),
} satisfies Record<QueueKind, z.ZodType>;
export type QueuePayload<K extends QueueKind> = z.infer<(typeof QUEUE_PAYLOADS)[K]>;

export function parsePayload<K extends QueueKind>(kind: K, payload: unknown): QueuePayload<K> {
  return QUEUE_PAYLOADS[kind].parse(payload) as QueuePayload<K>;
}

