import * as v from "./register-vocabulary";

// What a register entry must and may hold (s436C Education Act 1996, inserted by s38 of the
// Children's Wellbeing and Schools Act 2026), and the rules on it that are the Act's own.

export const EOTAS_NEEDS_EHC_PLAN =
  "Education otherwise than at school (EOTAS) needs an EHC plan: record the child's EHC plan under special educational needs, or choose another education status";

/** EOTAS is arranged under an EHC plan (s61 Children and Families Act 2014): without a plan it cannot be the child's status. */
export function eotasAllowed(educationStatus: v.EducationStatus | undefined, senStatus: v.SenStatus | undefined): boolean {
  return educationStatus !== "eotas" || senStatus === "ehc_plan";
}

/**
 * Whether a provider educates the child for too few hours to be recorded: the January 2026
 * government amendments let regulations set a threshold of hours a week below which another
 * provider is not an item of the register (a national setting; 0 records every provider).
 */
export function belowRecordingThreshold(hoursPerWeek: number, thresholdHours: number): boolean {
  return hoursPerWeek < thresholdHours;
}

export function thresholdProblem(thresholdHours: number): string {
  return `Providers who educate the child for fewer than ${thresholdHours} hours a week are not recorded on the register: remove this provider or check the hours`;
}

export interface SourcedFacts {
  sources: v.EntrySources;
  senStatus: v.SenStatus;
  socialCareStatus: v.SocialCareStatus;
  characteristics: v.Characteristics;
  parents: readonly { name: string; source: v.InformationSource }[];
  arrangements: readonly { providerName: string; source: v.InformationSource }[];
}

export interface SourcedItemLine {
  /** Stable key: the item's field, or "parents.0", "arrangements.1". */
  key: string;
  label: string;
  /** The parent's or provider's name, for a page to show beside the label (never in history: a parent is a third party there). */
  who?: string;
  /** Whether s436C(1) requires the item (else it is one of the optional s436C(2) items). */
  required: boolean;
  /** Null when the item is not known (an optional item) or its source was never recorded. */
  source: v.InformationSource | null;
}

/** Whether an optional item has an answer (a "not known" item has no source to record). */
export function optionalItemKnown(facts: Pick<SourcedFacts, "senStatus" | "socialCareStatus" | "characteristics">, item: v.OptionalSourcedItem): boolean {
  if (item === "senStatus") return facts.senStatus !== "not_known";
  if (item === "socialCareStatus") return facts.socialCareStatus !== "not_known";
  return Boolean(facts.characteristics[item]);
}

/** Every item of the entry with where it came from, in the order s436C lists them; optional items only when known. */
export function itemsWithSources(facts: SourcedFacts): SourcedItemLine[] {
  return [
    ...v.SOURCED_ITEMS.map((item) => ({ key: item, label: v.SOURCED_ITEM_LABELS[item], required: true, source: facts.sources[item] ?? null })),
    ...facts.parents.map((p, i) => ({ key: `parents.${i}`, label: `Parent or carer ${i + 1}`, who: p.name, required: true, source: p.source ?? null })),
    ...facts.arrangements.map((a, i) => ({ key: `arrangements.${i}`, label: `Provider ${i + 1}`, who: a.providerName, required: true, source: a.source ?? null })),
    ...v.OPTIONAL_SOURCED_ITEMS.filter((item) => optionalItemKnown(facts, item)).map((item) => ({
      key: item,
      label: v.OPTIONAL_SOURCED_ITEM_LABELS[item],
      required: false,
      source: facts.sources[item] ?? null,
    })),
  ];
}
