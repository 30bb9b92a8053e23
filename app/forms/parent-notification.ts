import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import type { IsoDate } from "#app/domain/dates";
import { normaliseReference, PARENT_NOTICES, VISIT_HAPPENED, VISIT_KINDS, type NotifyStep } from "#app/domain/parent-duties";
import { normalisePostcode, POSTCODE_MESSAGE } from "#app/domain/postcode";
import { PROVIDER_TYPES, RELATIONSHIPS } from "#app/domain/register-vocabulary";
import { checkboxes, choice, date, email, optionalDate, optionalText, postcode, requiredText, yesNo } from "./fields";

// The parent's notification (s436D; decision 073): one schema per page of the public journey,
// shared by the browser and the server. The journey keeps each page's answers as the person typed
// them and parses them all again before sending, so the server decides on every answer.

const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** The kinds of education a parent chooses from: what the parent arranges (the register's statuses for them). */
export const NOTIFIED_EDUCATION = ["elective_home_education", "unregistered_setting"] as const;
export type NotifiedEducation = (typeof NOTIFIED_EDUCATION)[number];
export const NOTIFIED_EDUCATION_LABELS: Record<NotifiedEducation, string> = {
  elective_home_education: "We educate our child at home (home education)",
  unregistered_setting: "Mainly by others: a tutor, an online school or an out-of-school setting",
};

export const CHANGES = ["address", "education", "parents", "other"] as const;
export type Change = (typeof CHANGES)[number];
export const CHANGE_LABELS: Record<Change, string> = {
  address: "We have moved house",
  education: "How or where our child is educated (a new tutor, online school or setting)",
  parents: "Parents' or carers' details",
  other: "Something else",
};

function hours(label: string) {
  return z.preprocess(
    blank,
    z
      .string({ error: `Enter ${label}` })
      .trim()
      .regex(/^\d{1,2}(\.\d)?$/, `Enter ${label} as a number of hours, like 12 or 7.5`)
      .transform(Number)
      .refine((n) => n <= 60, `Enter ${label} as 60 hours or fewer`),
  );
}
const optionalHours = (label: string) => z.preprocess(blank, hours(label).optional());

function checkPostcode(value: string | undefined, path: string, ctx: z.RefinementCtx, message: string) {
  if (!value) ctx.addIssue({ code: "custom", path: [path], message });
  else if (!normalisePostcode(value)) ctx.addIssue({ code: "custom", path: [path], message: POSTCODE_MESSAGE });
}

export const councilStepSchema = z.object({
  laId: z.preprocess(blank, z.uuid({ error: "Select your council" })),
  notice: choice(PARENT_NOTICES, "Select whether this is a new notification or a change"),
});

export function childStepSchema(today: IsoDate) {
  return z.object({
    firstName: requiredText("your child's first name", { max: 100 }),
    middleNames: optionalText("middle names", { max: 100 }),
    lastName: requiredText("your child's last name", { max: 100 }),
    dateOfBirth: date("your child's date of birth", DATE_RANGES.dateOfBirth("Date of birth", today)),
    addressLine1: requiredText("the first line of your child's address", { max: 200 }),
    addressLine2: optionalText("address line 2", { max: 200 }),
    town: requiredText("the town or city", { max: 100 }),
    postcode: postcode("the postcode"),
  });
}

export const parentsStepSchema = z
  .object({
    yourName: requiredText("your full name", { max: 200 }),
    yourRelationship: choice(RELATIONSHIPS, "Select your relationship to the child"),
    yourEmail: email("your email address"),
    yourPhone: z.preprocess(blank, z.string().max(30).regex(/^[\d\s()+-]{7,30}$/, "Enter a phone number, like 01632 960 001 or 07700 900 982").optional()),
    youLiveWithChild: yesNo("Select yes if you live at your child's address"),
    yourAddressLine1: optionalText("the first line of your address", { max: 200 }),
    yourTown: optionalText("your town or city", { max: 100 }),
    yourPostcode: z.preprocess(blank, z.string().max(10).optional()),
    otherName: optionalText("the other parent's full name", { max: 200 }),
    otherRelationship: z.preprocess(blank, z.enum(RELATIONSHIPS, { error: "Select the other parent's relationship to the child" }).optional()),
    otherLivesWithChild: z.preprocess(blank, yesNo("Select yes if the other parent lives at your child's address").optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.youLiveWithChild) {
      if (!v.yourAddressLine1) ctx.addIssue({ code: "custom", path: ["yourAddressLine1"], message: "Enter the first line of your address" });
      if (!v.yourTown) ctx.addIssue({ code: "custom", path: ["yourTown"], message: "Enter your town or city" });
      checkPostcode(v.yourPostcode, "yourPostcode", ctx, "Enter your postcode");
    }
    if (v.otherName) {
      if (!v.otherRelationship) ctx.addIssue({ code: "custom", path: ["otherRelationship"], message: "Select the other parent's relationship to the child" });
      if (v.otherLivesWithChild === undefined) ctx.addIssue({ code: "custom", path: ["otherLivesWithChild"], message: "Select yes if the other parent lives at your child's address" });
    }
  });

const providerType = () => z.preprocess(blank, z.enum(PROVIDER_TYPES, { error: "Select the type of provider" }).optional());
const providerOnline = () => z.preprocess(blank, yesNo("Select yes if the education is online").optional());
const providerLocation = () => optionalText("where the education takes place, or the website if online", { max: 300 });
const providerHours = () => optionalHours("the hours a week with this provider");
const providerParentPresent = () => z.preprocess(blank, yesNo("Select yes if a parent is there while this provider educates your child").optional());

export const educationStepSchema = z
  .object({
    education: choice(NOTIFIED_EDUCATION, "Select how your child is educated"),
    parentHours: optionalHours("the hours a week you educate your child"),
    provider1Name: optionalText("the provider's name", { max: 200 }),
    provider1Type: providerType(),
    provider1Online: providerOnline(),
    provider1Location: providerLocation(),
    provider1Hours: providerHours(),
    provider1ParentPresent: providerParentPresent(),
    provider2Name: optionalText("the provider's name", { max: 200 }),
    provider2Type: providerType(),
    provider2Online: providerOnline(),
    provider2Location: providerLocation(),
    provider2Hours: providerHours(),
    provider2ParentPresent: providerParentPresent(),
  })
  .superRefine((v, ctx) => {
    const row = v as unknown as Record<string, unknown>;
    if (v.education === "elective_home_education" && v.parentHours === undefined) ctx.addIssue({ code: "custom", path: ["parentHours"], message: "Enter the hours a week you educate your child" });
    for (const n of [1, 2] as const) {
      const given = [`provider${n}Type`, `provider${n}Online`, `provider${n}Location`, `provider${n}Hours`, `provider${n}ParentPresent`].some((k) => row[k] !== undefined);
      if (!row[`provider${n}Name`]) {
        if (given) ctx.addIssue({ code: "custom", path: [`provider${n}Name`], message: "Enter the provider's name" });
        continue;
      }
      if (!row[`provider${n}Type`]) ctx.addIssue({ code: "custom", path: [`provider${n}Type`], message: "Select the type of provider" });
      if (row[`provider${n}Online`] === undefined) ctx.addIssue({ code: "custom", path: [`provider${n}Online`], message: "Select yes if the education is online" });
      if (!row[`provider${n}Location`]) ctx.addIssue({ code: "custom", path: [`provider${n}Location`], message: "Enter where the education takes place, or the website if online" });
      if (row[`provider${n}Hours`] === undefined) ctx.addIssue({ code: "custom", path: [`provider${n}Hours`], message: "Enter the hours a week with this provider" });
      if (row[`provider${n}ParentPresent`] === undefined) ctx.addIssue({ code: "custom", path: [`provider${n}ParentPresent`], message: "Select yes if a parent is there while this provider educates your child" });
    }
    if (v.education === "unregistered_setting" && !v.provider1Name) ctx.addIssue({ code: "custom", path: ["provider1Name"], message: "Enter the name of the tutor, school or setting who educates your child" });
  });

export function changeStepSchema(today: IsoDate) {
  return z
    .object({
      reference: z.preprocess(
        blank,
        z
          .string({ error: "Enter the reference you were given, like PN-ABCD-EFGH" })
          .max(20, "Enter the reference you were given, like PN-ABCD-EFGH")
          .transform((value, ctx) => {
            const normal = normaliseReference(value);
            if (!normal) {
              ctx.addIssue({ code: "custom", message: "Enter the reference you were given, like PN-ABCD-EFGH" });
              return z.NEVER;
            }
            return normal;
          }),
      ),
      firstName: requiredText("your child's first name", { max: 100 }),
      lastName: requiredText("your child's last name", { max: 100 }),
      dateOfBirth: date("your child's date of birth", DATE_RANGES.dateOfBirth("Date of birth", today)),
      yourName: requiredText("your full name", { max: 200 }),
      yourEmail: email("your email address"),
      changes: checkboxes(CHANGES, "Select what has changed"),
      newAddressLine1: optionalText("the first line of the new address", { max: 200 }),
      newTown: optionalText("the town or city", { max: 100 }),
      newPostcode: z.preprocess(blank, z.string().max(10).optional()),
      details: requiredText("what has changed", { max: 2000 }),
    })
    .superRefine((v, ctx) => {
      if (v.changes.includes("address")) {
        if (!v.newAddressLine1) ctx.addIssue({ code: "custom", path: ["newAddressLine1"], message: "Enter the first line of the new address" });
        if (!v.newTown) ctx.addIssue({ code: "custom", path: ["newTown"], message: "Enter the town or city" });
        checkPostcode(v.newPostcode, "newPostcode", ctx, "Enter the new postcode");
      }
    });
}

export function stepSchema(step: Exclude<NotifyStep, "check">, today: IsoDate) {
  switch (step) {
    case "council":
      return councilStepSchema;
    case "child":
      return childStepSchema(today);
    case "parents":
      return parentsStepSchema;
    case "education":
      return educationStepSchema;
    case "change":
      return changeStepSchema(today);
  }
}

/** The check page has no questions: sending is its one button. */
export const checkStepSchema = z.object({});

// The officer's side: a request for information to the parents, and the council's visit or meeting.

export const informationRequestSchema = z.object({
  asked: requiredText("what the council is asking for", { max: 2000 }),
  sendTo: z.preprocess(blank, z.string().max(320).optional()),
});

export const informationAnsweredSchema = z.object({
  requestId: z.uuid({ error: "Select the request that was answered" }),
});

export function visitSchema(today: IsoDate) {
  return z
    .object({
      offeredOn: date("the date the offer was made", DATE_RANGES.registerEvent("Date of the offer", today)),
      kind: choice(VISIT_KINDS, "Select whether a visit or a meeting was offered"),
      meetingOn: optionalDate("the date of the visit or meeting"),
      happened: choice(VISIT_HAPPENED, "Select whether the visit or meeting took place"),
      outcome: optionalText("the outcome", { max: 2000 }),
    })
    .superRefine((v, ctx) => {
      if (v.meetingOn && v.meetingOn < v.offeredOn) ctx.addIssue({ code: "custom", path: ["meetingOn"], message: "The visit or meeting must be on or after the date of the offer" });
      if (v.happened === "yes" && !v.meetingOn) ctx.addIssue({ code: "custom", path: ["meetingOn"], message: "Enter the date the visit or meeting took place" });
      if (v.happened === "yes" && !v.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "Enter the outcome of the visit or meeting" });
    });
}

/** Each page's answers as the person typed them (the journey carries them from page to page). */
export type JourneyAnswers = Partial<Record<Exclude<NotifyStep, "check">, Record<string, unknown>>>;

/** What a notification carries (the queue item's payload, less the reference the service gives it). */
export interface NotificationAnswers {
  notice: "new" | "change";
  earlierReference: string | null;
  contactEmail: string;
  child: { firstName: string; middleNames: string | null; lastName: string; dateOfBirth: IsoDate; address: { addressLine1: string; addressLine2: string | null; town: string; postcode: string } | null };
  parents: { name: string; relationship: (typeof RELATIONSHIPS)[number]; livesWithChild: boolean; address: { addressLine1: string; town: string; postcode: string } | null; email: string | null; phone: string | null; hoursPerWeek: number | null }[];
  education: { status: NotifiedEducation; providers: { name: string; type: (typeof PROVIDER_TYPES)[number]; online: boolean; location: string; hoursPerWeek: number; hoursWithoutParent: number }[] } | null;
  changes: Change[];
  changeDetails: string | null;
}

export type AnswersCheck = { ok: true; laId: string; notification: NotificationAnswers } | { ok: false; step: Exclude<NotifyStep, "check"> };

/**
 * Every page's answers parsed again, as the server sends them: the first page whose answers do
 * not pass (or are missing) is where the person goes back to.
 */
export function checkAnswers(answers: JourneyAnswers, today: IsoDate): AnswersCheck {
  const council = councilStepSchema.safeParse(answers.council ?? {});
  if (!council.success) return { ok: false, step: "council" };
  if (council.data.notice === "change") {
    const change = changeStepSchema(today).safeParse(answers.change ?? {});
    if (!change.success) return { ok: false, step: "change" };
    const c = change.data;
    const address = c.changes.includes("address") ? { addressLine1: c.newAddressLine1!, addressLine2: null, town: c.newTown!, postcode: normalisePostcode(c.newPostcode!)! } : null;
    return {
      ok: true,
      laId: council.data.laId,
      notification: {
        notice: "change",
        earlierReference: c.reference,
        contactEmail: c.yourEmail,
        child: { firstName: c.firstName, middleNames: null, lastName: c.lastName, dateOfBirth: c.dateOfBirth, address },
        parents: [],
        education: null,
        changes: c.changes,
        changeDetails: c.details,
      },
    };
  }
  const child = childStepSchema(today).safeParse(answers.child ?? {});
  if (!child.success) return { ok: false, step: "child" };
  const parents = parentsStepSchema.safeParse(answers.parents ?? {});
  if (!parents.success) return { ok: false, step: "parents" };
  const education = educationStepSchema.safeParse(answers.education ?? {});
  if (!education.success) return { ok: false, step: "education" };
  const k = child.data;
  const p = parents.data;
  const e = education.data as unknown as Record<string, unknown> & z.output<typeof educationStepSchema>;
  const parentHours = e.parentHours ?? null;
  const providers = ([1, 2] as const).flatMap((n) => {
    const name = e[`provider${n}Name`] as string | undefined;
    if (!name) return [];
    const hoursPerWeek = e[`provider${n}Hours`] as number;
    return [{ name, type: e[`provider${n}Type`] as (typeof PROVIDER_TYPES)[number], online: e[`provider${n}Online`] as boolean, location: e[`provider${n}Location`] as string, hoursPerWeek, hoursWithoutParent: e[`provider${n}ParentPresent`] ? 0 : hoursPerWeek }];
  });
  return {
    ok: true,
    laId: council.data.laId,
    notification: {
      notice: "new",
      earlierReference: null,
      contactEmail: p.yourEmail,
      child: {
        firstName: k.firstName,
        middleNames: k.middleNames ?? null,
        lastName: k.lastName,
        dateOfBirth: k.dateOfBirth,
        address: { addressLine1: k.addressLine1, addressLine2: k.addressLine2 ?? null, town: k.town, postcode: k.postcode },
      },
      parents: [
        {
          name: p.yourName,
          relationship: p.yourRelationship,
          livesWithChild: p.youLiveWithChild,
          address: p.youLiveWithChild ? null : { addressLine1: p.yourAddressLine1!, town: p.yourTown!, postcode: normalisePostcode(p.yourPostcode!)! },
          email: p.yourEmail,
          phone: p.yourPhone ?? null,
          hoursPerWeek: parentHours,
        },
        ...(p.otherName ? [{ name: p.otherName, relationship: p.otherRelationship!, livesWithChild: p.otherLivesWithChild === true, address: null, email: null, phone: null, hoursPerWeek: null }] : []),
      ],
      education: { status: e.education, providers },
      changes: [],
      changeDetails: null,
    },
  };
}
