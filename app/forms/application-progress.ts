import type { IsoDate } from "#app/domain/dates";
import { schoolRegistrationThreshold, type ThresholdResult } from "#app/domain/school-registration-threshold";
import { SECTION_IDS, sectionSchema, type ContactAnswers, type FullTimePupilsAnswers, type ParsedApplication, type SectionId } from "./application";

// Where an application stands: each section's task-list status, and whether it can be submitted.
// A section counts as completed only if its saved answers still pass its schema today (an
// insurance policy that has since expired sends its section back to "In progress").

export interface StoredSection {
  status: "in_progress" | "completed";
  answers: Record<string, unknown>;
}

export type SectionStatus = "completed" | "in_progress" | "not_started" | "cannot_start";

export const SECTION_STATUS_TEXT: Record<SectionStatus, string> = {
  completed: "Completed",
  in_progress: "In progress",
  not_started: "Not yet started",
  cannot_start: "Cannot start yet",
};

export interface Progress {
  statuses: Record<SectionId, SectionStatus>;
  /** Present when every section is complete and valid. */
  parsed: ParsedApplication | null;
  /** Each completed section's parsed answers. */
  sections: Partial<ParsedApplication>;
  threshold: ThresholdResult | null;
  completedCount: number;
}

export function applicationProgress(stored: Partial<Record<SectionId, StoredSection>>, today: IsoDate): Progress {
  const statuses = {} as Record<SectionId, SectionStatus>;
  const parsed: Partial<Record<SectionId, unknown>> = {};
  for (const id of SECTION_IDS) {
    const section = stored[id];
    if (!section) {
      statuses[id] = "not_started";
      continue;
    }
    const result = section.status === "completed" ? sectionSchema(id, today).safeParse(section.answers) : null;
    if (result?.success) {
      statuses[id] = "completed";
      parsed[id] = result.data;
    } else {
      statuses[id] = "in_progress";
    }
  }
  const othersComplete = SECTION_IDS.filter((id) => id !== "declaration").every((id) => statuses[id] === "completed");
  if (!othersComplete && statuses.declaration === "not_started") statuses.declaration = "cannot_start";
  const pupils = parsed["full-time-pupils"] as FullTimePupilsAnswers | undefined;
  const threshold = pupils ? schoolRegistrationThreshold(pupils) : null;
  const completedCount = SECTION_IDS.filter((id) => statuses[id] === "completed").length;
  const allComplete = completedCount === SECTION_IDS.length;
  return { statuses, parsed: allComplete ? (parsed as unknown as ParsedApplication) : null, sections: parsed as Partial<ParsedApplication>, threshold, completedCount };
}

/** What a listing publishes: the whole application, with the public contact possibly missing. */
export type ListingAnswers = Omit<ParsedApplication, "contact"> & { contact: ContactAnswers | null };

/**
 * The answers a reviewer may publish. Every section must be complete, except that an application
 * made before the public contact was asked for may have no contact section at all (decision 065):
 * its listing is published without one. A contact section that was started must be complete.
 */
export function listingAnswers(progress: Progress): ListingAnswers | null {
  if (progress.parsed) return progress.parsed;
  const others = SECTION_IDS.filter((id) => id !== "contact").every((id) => progress.statuses[id] === "completed");
  if (!others || progress.statuses.contact !== "not_started") return null;
  return { ...(progress.sections as Omit<ParsedApplication, "contact">), contact: null };
}

/**
 * What a provider still has to answer before a section is complete: its schema's messages for the
 * answers as saved, one per question, in the order the questions are asked. Empty once complete.
 */
export function stillToDo(section: SectionId, answers: Record<string, unknown> | null, today: IsoDate): string[] {
  const result = sectionSchema(section, today).safeParse(answers ?? {});
  if (result.success) return [];
  const seen = new Set<string>();
  const messages: string[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".");
    if (seen.has(field)) continue;
    seen.add(field);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return messages;
}

/** True when a form was sent without a single answer (every text blank, nothing ticked). */
export function isUnanswered(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.every(isUnanswered);
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).every(isUnanswered);
  return false;
}
