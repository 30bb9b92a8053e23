import { z } from "zod";
import { optionalText, requiredText, yesNo } from "./fields";

// A provider's answer to a council's request for information (s436E), through its one-time link:
// the items of s436C(1)(f) the provider knows. One schema for the page and the server.

function hours(label: string) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .regex(/^\d{1,2}(\.\d)?$/, `Enter ${label} as a number of hours, like 12 or 7.5`)
    .transform(Number)
    .refine((n) => n <= 60, `Enter ${label} of 60 or fewer`);
}

export const providerAnswerSchema = z
  .object({
    educatesChild: yesNo("Select yes if you educate the child"),
    providerAddress: optionalText("your organisation's address", { max: 300 }),
    online: z.preprocess((v) => (v === "" || v === null ? undefined : v), yesNo("Select yes if you teach the child online").optional()),
    website: optionalText("your website", { max: 300 }),
    location: optionalText("where you teach the child", { max: 300 }),
    hoursPerWeek: z.preprocess((v) => (v === "" || v === null ? undefined : v), hours("the hours a week you educate the child").optional()),
    hoursWithoutParent: z.preprocess((v) => (v === "" || v === null ? undefined : v), hours("the hours a week with no parent present").optional()),
    hoursEstimated: z.preprocess((v) => (v === "" || v === null ? undefined : v), yesNo("Select yes if the hours are an estimate").optional()),
    note: optionalText("anything else the council should know", { max: 1000 }),
    answeredBy: requiredText("your name", { max: 200 }),
  })
  .superRefine((a, ctx) => {
    if (!a.educatesChild) return;
    if (!a.providerAddress) ctx.addIssue({ code: "custom", path: ["providerAddress"], message: "Enter your organisation's address" });
    if (a.online === undefined) ctx.addIssue({ code: "custom", path: ["online"], message: "Select yes if you teach the child online" });
    if (a.online === true && !a.website) ctx.addIssue({ code: "custom", path: ["website"], message: "Enter your website, or the email address you teach through" });
    if (a.online === false && !a.location) ctx.addIssue({ code: "custom", path: ["location"], message: "Enter where you teach the child" });
    if (a.hoursPerWeek === undefined) ctx.addIssue({ code: "custom", path: ["hoursPerWeek"], message: "Enter the hours a week you educate the child" });
    if (a.hoursWithoutParent === undefined) ctx.addIssue({ code: "custom", path: ["hoursWithoutParent"], message: "Enter the hours a week with no parent present" });
    else if (a.hoursPerWeek !== undefined && a.hoursWithoutParent > a.hoursPerWeek) {
      ctx.addIssue({ code: "custom", path: ["hoursWithoutParent"], message: "Hours with no parent present must not be more than the total hours" });
    }
  })
  // An answer to a question that does not apply is not kept.
  .transform((a) =>
    a.educatesChild
      ? { ...a, hoursEstimated: a.hoursEstimated === true, website: a.online ? a.website : undefined, location: a.online ? undefined : a.location }
      : { educatesChild: false as const, note: a.note, answeredBy: a.answeredBy },
  );

export type ProviderAnswerInput = z.output<typeof providerAnswerSchema>;

export const providerRequestSchema = z.object({
  // Which of the entry's providers to ask ("0", "1", ...).
  arrangement: z.string({ error: "Select the provider to ask" }).regex(/^\d{1,2}$/, "Select the provider to ask"),
  providerEmail: z.email({ error: "Enter the provider's email address, like name@example.com" }).max(254),
});
