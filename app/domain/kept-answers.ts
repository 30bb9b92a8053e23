// Which of a submitted form's fields are kept when it arrives after the session ended (decision 064).

/** Less than an hour: the job that deletes ended ones runs every 15 minutes. */
export const KEPT_ANSWERS_MINUTES = 45;
// Forms here have a few hundred fields at most (the add-child form with its repeated rows); more,
// or a longer name, is not a form of this service and is not kept.
const MAX_FIELDS = 1_000;
const MAX_NAME_LENGTH = 200;
// The answers go back as the form's fields, so only text: this service takes no file uploads.
// "intent" is which button was pressed; after signing in again the person presses it again.
const NOT_KEPT = new Set(["intent"]);

export function answersToKeep(entries: Iterable<[string, FormDataEntryValue]>): [string, string][] | null {
  const kept: [string, string][] = [];
  for (const [name, value] of entries) {
    if (typeof value !== "string" || NOT_KEPT.has(name)) continue;
    if (name.length > MAX_NAME_LENGTH) return null;
    kept.push([name, value]);
    if (kept.length > MAX_FIELDS) return null;
  }
  return kept.length > 0 ? kept : null;
}
