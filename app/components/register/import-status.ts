import type { TagColour } from "#app/components/govuk";
import type { ImportStatus } from "#app/domain/register-import-statuses";

/** How an import's status reads on its pages. */
export const IMPORT_STATUS_TAGS: Record<ImportStatus, { text: string; colour: TagColour }> = {
  uploaded: { text: "Columns to confirm", colour: "blue" },
  checking: { text: "Checking", colour: "light-blue" },
  checked: { text: "Ready to confirm", colour: "blue" },
  importing: { text: "Importing", colour: "light-blue" },
  finished: { text: "Imported", colour: "green" },
  cancelled: { text: "Cancelled", colour: "grey" },
};
