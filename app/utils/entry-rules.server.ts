import type { IsoDate } from "#app/domain/dates";
import { registerEntrySchema, type EntryRules } from "#app/forms/register-entry";
import { env } from "./env.server";

// The entry's rules that the regulations will settle, for the whole country (README, "Configuration").

export function nationalEntryRules(): EntryRules {
  return { providerMinimumHours: env().REGISTER_PROVIDER_MINIMUM_HOURS };
}

/** The entry form's schema with the national rules: what the server decides with, and hands the page for the browser's checks. */
export function entrySchemaWithRules(today: IsoDate) {
  return registerEntrySchema(today, nationalEntryRules());
}
