import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/virtual-school._index";
import { Table } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { childrenFollowed } from "#app/data/virtual-school.server";
import { virtualSchoolScope } from "#app/data/scope.server";
import { COMMISSIONER_CATEGORY_LABELS, councilPossessive } from "#app/domain/children-in-care";
import { formatDate } from "#app/domain/dates";
import * as v from "#app/domain/register-vocabulary";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/virtual-school._index").loader(async ({ user, actor }) => {
  const list = await childrenFollowed(virtualSchoolScope(user), actor);
  return { ...list, council: user.organisationName };
});

export default function VirtualSchool({ loaderData: d }: Route.ComponentProps) {
  const withoutSchool = d.categories.flatMap((c) => c.rows).filter((r) => r.withoutNamedSchool);
  return (
    <>
      <PageShell title="Children in care and with a social worker" width="full" />
      <PurposeStatement routeId="routes/virtual-school._index" />
      <p className="govuk-body">
        Children {d.council} looks after, or whose child-in-need or child protection plan {d.council} holds, who are on a register of children not in school: {councilPossessive(d.council)} own or
        another council&apos;s. {d.total === 1 ? "1 child" : `${d.total} children`}.
      </p>
      {d.limited ? <p className="govuk-body">Only the first {d.total} are shown.</p> : null}
      {d.categories.map(({ category, rows }) => (
        <Table
          key={category}
          caption={`${COMMISSIONER_CATEGORY_LABELS[category]} (${rows.length})`}
          head={[{ text: "Child" }, { text: "Date of birth" }, { text: "Register" }, { text: "Social care" }, { text: "Education status" }, { text: "In this category" }]}
          rows={rows.map((r) => ({
            cells: [
              {
                text: (
                  <>
                    <a className="govuk-link" href={href("/virtual-school/:childId", { childId: r.id })}>
                      {r.firstName} {r.lastName}
                    </a>
                    <br />
                    <span className="govuk-hint">{r.childReference}</span>
                  </>
                ),
              },
              { text: formatDate(r.dateOfBirth) },
              { text: r.onOwnRegister ? `${r.registerCouncil} (yours)` : r.registerCouncil },
              { text: v.SOCIAL_CARE_STATUS_LABELS[r.socialCareStatus] },
              { text: v.EDUCATION_STATUS_LABELS[r.educationStatus] },
              { text: `${r.time.words}, since ${formatDate(r.statusSince)}` },
            ],
          }))}
        />
      ))}
      <h2 className="govuk-heading-m">Without a named school ({withoutSchool.length})</h2>
      {withoutSchool.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet">
          {withoutSchool.map((r) => (
            <li key={r.id}>
              <a className="govuk-link" href={href("/virtual-school/:childId", { childId: r.id })}>
                {r.firstName} {r.lastName}
              </a>{" "}
              ({r.childReference}, on {councilPossessive(r.registerCouncil)} register)
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">Every child listed has a named school.</p>
      )}
    </>
  );
}
