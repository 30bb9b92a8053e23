// What changed between two versions of an entry, in the words shown on the child's timeline.
export interface FieldChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
}

/** Each row of an entry; `applies: false` for a question not asked of this child (kept for the timeline's diff, never shown). */
export type EntryView = Record<string, { label: string; value: string | null; applies?: false }>;

export function diffEntries(before: EntryView, after: EntryView): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, { label, value }] of Object.entries(after)) {
    const previous = before[field]?.value ?? null;
    if (previous !== value) changes.push({ field, label, from: previous, to: value });
  }
  return changes;
}
