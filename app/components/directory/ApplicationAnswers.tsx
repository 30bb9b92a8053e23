import { SummaryList } from "#app/components/govuk";
import { SECTION_IDS, SECTION_TITLES, type ParsedApplication, type SectionId } from "#app/forms/application";
import { sectionRows } from "#app/forms/application-summary";

/** Every completed section as a summary card; with `changeHref`, each card has a "Change" link. */
export function ApplicationAnswers({
  sections,
  laNames,
  only,
  changeHref,
}: {
  sections: Partial<ParsedApplication>;
  laNames: Record<string, string>;
  only?: readonly SectionId[];
  changeHref?: (section: SectionId) => string;
}) {
  const names = new Map(Object.entries(laNames));
  return (
    <>
      {SECTION_IDS.filter((id) => (only ? only.includes(id) : true)).map((id) => {
        const answers = sections[id];
        const title = SECTION_TITLES[id];
        return (
          <SummaryList
            key={id}
            card={{ title, actions: changeHref ? [{ href: changeHref(id), text: "Change" }] : undefined }}
            rows={answers ? sectionRows(id, answers as never, names) : [{ key: "Answers", value: "Not complete" }]}
          />
        );
      })}
    </>
  );
}
