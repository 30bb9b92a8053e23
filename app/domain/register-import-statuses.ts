// A bulk import's steps (decision 075): uploaded (the officer confirms its columns), checking (the
// job checks every row), checked (the officer sees the preview and confirms), importing (the job
// makes the entries), then finished; or cancelled before it ran.
export const IMPORT_STATUSES = ["uploaded", "checking", "checked", "importing", "finished", "cancelled"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What became of one staged row: checked (ready or with errors), then imported or not. */
export const IMPORT_ROW_STATUSES = ["staged", "ready", "invalid", "imported", "not_imported"] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** The largest file an officer may upload, and the most children in it (decision 075). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;
