import { href } from "react-router";
import { Checkboxes, InsetText, Table, WarningText } from "#app/components/govuk";
import { MATCH_REASON_LABELS, type MatchReason } from "#app/domain/child-matching";
import { formatDate } from "#app/domain/dates";

export interface DuplicateRow {
  id: string;
  childReference: string;
  name: string;
  dateOfBirth: string;
  postcode: string;
  current: boolean;
  reasons: MatchReason[];
}

export interface ElsewhereRow {
  laName: string;
  teamEmail: string | null;
  teamPhone: string | null;
  strength: "exact" | "likely";
  current: boolean;
  destinationUnknown: boolean;
  childReference: string | null;
}

const contact = (row: ElsewhereRow) => [row.teamEmail, row.teamPhone].filter(Boolean).join(", ") || "no team contact recorded";

/** The possible duplicates on the council's own register, and matches on others', before adding a child. */
export function PossibleMatches({ duplicates, elsewhere, error }: { duplicates: DuplicateRow[]; elsewhere: ElsewhereRow[]; error?: string }) {
  return (
    <>
      {duplicates.length > 0 ? (
        <div id="possible-duplicates">
          <h2 className="govuk-heading-m">This child may already be on your register</h2>
          <p className="govuk-body">Open an entry to check it. If the child you are adding is not one of these, say so below.</p>
          <Table
            caption="Possible duplicates"
            captionSize="s"
            head={[{ text: "Name" }, { text: "Date of birth" }, { text: "Postcode" }, { text: "Why it may be the same child" }]}
            rows={duplicates.map((d) => ({
              cells: [
                {
                  text: (
                    <>
                      <a className="govuk-link" href={href("/register/:childId", { childId: d.id })}>
                        {d.name}
                      </a>
                      <br />
                      <span className="govuk-body-s">{d.childReference}</span>
                      {d.current ? null : <span className="govuk-body-s"> (left the register)</span>}
                    </>
                  ),
                },
                { text: formatDate(d.dateOfBirth) },
                { text: d.postcode },
                { text: d.reasons.map((r) => MATCH_REASON_LABELS[r]).join("; ") },
              ],
            }))}
          />
          <input type="hidden" name="shownDuplicates" value={duplicates.map((d) => d.id).join(",")} />
          <Checkboxes
            name="differentChild"
            idPrefix="differentChild"
            legend="Is this a different child?"
            legendSize="s"
            error={error}
            items={[{ value: "yes", label: "This is a different child from the ones listed (or a child returning to the register)" }]}
          />
        </div>
      ) : null}
      {elsewhere.map((e, i) =>
        e.strength === "exact" ? (
          <InsetText key={i}>
            This child is {e.current ? "also on" : "known to"} {e.laName}&rsquo;s register{e.destinationUnknown ? ", where they left with destination unknown" : ""}. The new entry keeps
            the child&rsquo;s reference{e.childReference ? ` ${e.childReference}` : ""}. Their team: {contact(e)}.
          </InsetText>
        ) : (
          <WarningText key={i}>
            A child with the same name, date of birth and sex is on {e.laName}&rsquo;s register. Ask their team ({contact(e)}) whether it is the same child before you add
            them.
          </WarningText>
        ),
      )}
    </>
  );
}
