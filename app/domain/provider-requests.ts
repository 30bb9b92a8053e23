import { addMonths, compareDates, formatDate, londonDate, type IsoDate } from "./dates";

// Other providers' duty to give the council information (s436E Education Act 1996, inserted by
// s38 of the Children's Wellbeing and Schools Act 2026). The January 2026 government amendments
// proposed that a council may ask the same provider at most once in 3 months: a national setting
// (`PROVIDER_REQUEST_INTERVAL_MONTHS`) until the regulations say.

/** How long a provider's one-time link stays open. */
export const PROVIDER_LINK_DAYS = 28;

/** The same provider is the same address, however it was typed. */
export function providerKey(email: string): string {
  return email.trim().toLowerCase();
}

/** The first day the council may ask the provider again after asking on `lastAskedOn`. */
export function nextAskAllowedOn(lastAskedOn: IsoDate, intervalMonths: number): IsoDate {
  return addMonths(lastAskedOn, intervalMonths);
}

/** Whether the council may ask the provider today; `lastAskedOn` null when it never has. */
export function mayAskProvider(lastAskedOn: IsoDate | null, today: IsoDate, intervalMonths: number): { ok: true } | { ok: false; allowedOn: IsoDate } {
  if (lastAskedOn === null || intervalMonths === 0) return { ok: true };
  const allowedOn = nextAskAllowedOn(lastAskedOn, intervalMonths);
  return compareDates(today, allowedOn) >= 0 ? { ok: true } : { ok: false, allowedOn };
}

/** A provider's answer as the register keeps it (its source is the provider). */
export interface ProviderAnswer {
  educatesChild: boolean;
  providerAddress?: string;
  online?: boolean;
  website?: string;
  location?: string;
  hoursPerWeek?: number;
  hoursWithoutParent?: number;
  hoursEstimated?: boolean;
  note?: string;
  /** Who at the provider answered, as they gave their name. */
  answeredBy: string;
}

/** A request and its answer as the child's page lists them, the provider named as the source. */
export function providerAnswerRows(request: { providerEmail: string; answeredAt: Date | null; expiresAt: Date; answer: ProviderAnswer | null }, now = new Date()): { key: string; value: string }[] {
  const asked = { key: "Asked", value: request.providerEmail };
  if (!request.answeredAt || !request.answer) return [asked, { key: "Answer", value: request.expiresAt > now ? "Not answered yet" : "Not answered: the link has expired" }];
  const a = request.answer;
  const answered = { key: "Source", value: `Education provider: answered by ${a.answeredBy} on ${formatDate(londonDate(request.answeredAt))}` };
  if (!a.educatesChild) return [asked, answered, { key: "Educates the child", value: "No" }, ...(a.note ? [{ key: "Note", value: a.note }] : [])];
  return [
    asked,
    answered,
    { key: "Educates the child", value: "Yes" },
    { key: "Provider's address", value: a.providerAddress ?? "" },
    { key: a.online ? "Website" : "Where it teaches", value: (a.online ? a.website : a.location) ?? "" },
    { key: "Hours a week", value: `${a.hoursPerWeek}${a.hoursEstimated ? " (estimated)" : ""}, ${a.hoursWithoutParent} with no parent present` },
    ...(a.note ? [{ key: "Note", value: a.note }] : []),
  ];
}
