import { Table } from "#app/components/govuk";

export interface ChildAuditLine {
  id: number;
  when: string;
  sentence: string;
  about: string;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** Who has viewed or changed this entry (and its placements and consent requests), newest first, from the audit log. */
export function ChildAuditTrail({ lines }: { lines: ChildAuditLine[] }) {
  return (
    <section aria-labelledby="audit-trail-heading">
      <h2 className="govuk-heading-m" id="audit-trail-heading">
        Who has viewed or changed this entry
      </h2>
      {lines.length === 0 ? (
        <p className="govuk-body">Nothing recorded yet.</p>
      ) : (
        <Table
          caption="The most recent 20 events about this child in the audit log"
          captionSize="s"
          head={[{ text: "When" }, { text: "What happened" }, { text: "About" }]}
          rows={lines.map((l) => ({ cells: [{ text: timeFormat.format(new Date(l.when)) }, { text: l.sentence }, { text: l.about }] }))}
        />
      )}
    </section>
  );
}
