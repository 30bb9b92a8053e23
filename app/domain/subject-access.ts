// A subject access bundle (UK GDPR Article 15, decision 053): everything the service holds about
// one person, as sections of records of labelled values. Each kind of record is one section, built
// by its own module (app/data/subject-access/), so a new kind of record adds a section. A value that
// is someone else's personal data (another parent, a member of staff) names that third party, so
// the council admin can redact it before the bundle is given out.

export interface ThirdParty {
  /** Stable within a bundle: "parent:<id>", "staff:<id>", "child:<id>". */
  key: string;
  /** Who they are, as the admin choosing what to redact reads it. */
  description: string;
}

export interface BundleField {
  label: string;
  value: string | null;
  thirdParty?: ThirdParty;
}

export interface BundleRecord {
  heading: string;
  fields: BundleField[];
}

export interface BundleSection {
  id: string;
  title: string;
  /** What this section is, for the person who receives the bundle. */
  description: string;
  records: BundleRecord[];
}

export const REDACTED = "[Redacted: another person's information]";

/** Every third party named in a bundle, once each, in the order they first appear. */
export function thirdPartiesIn(sections: readonly BundleSection[]): ThirdParty[] {
  const seen = new Map<string, ThirdParty>();
  for (const section of sections) for (const record of section.records) for (const field of record.fields) if (field.thirdParty && !seen.has(field.thirdParty.key)) seen.set(field.thirdParty.key, field.thirdParty);
  return [...seen.values()];
}

/** The bundle with the chosen third parties' values replaced; how many values were redacted. */
export function redact(sections: readonly BundleSection[], keys: ReadonlySet<string>): { sections: BundleSection[]; redactedValues: number } {
  let redactedValues = 0;
  const out = sections.map((section) => ({
    ...section,
    records: section.records.map((record) => ({
      ...record,
      fields: record.fields.map((field) => {
        if (!field.thirdParty || !keys.has(field.thirdParty.key) || field.value === null) return field;
        redactedValues += 1;
        return { label: field.label, value: REDACTED, thirdParty: field.thirdParty };
      }),
    })),
  }));
  return { sections: out, redactedValues };
}

/** The bundle as its JSON download: plain sections and values, without the redaction markers. */
export function bundleJson(subject: { kind: "child" | "parent_or_carer"; reference: string }, produced: Date, sections: readonly BundleSection[]) {
  return {
    subject,
    produced: produced.toISOString(),
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      records: s.records.map((r) => ({ heading: r.heading, fields: r.fields.map((f) => ({ label: f.label, value: f.value })) })),
    })),
  };
}
