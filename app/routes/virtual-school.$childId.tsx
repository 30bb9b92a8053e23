import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/virtual-school.$childId";
import { SummaryList, Table } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { childFollowed } from "#app/data/virtual-school.server";
import { virtualSchoolScope } from "#app/data/scope.server";
import { COMMISSIONER_CATEGORY_LABELS, councilPossessive } from "#app/domain/children-in-care";
import { formatDate, londonDate } from "#app/domain/dates";
import * as v from "#app/domain/register-vocabulary";
import { guard } from "#app/utils/route-guard.server";

const STATUS_LABELS = { pending: "Waiting for a decision", agreed: "Agreed", refused: "Refused" } as const;
const RULE_LABELS = { statutory: "The council's consent (section 434A)", exceptional_circumstances: "The social worker's agreement" } as const;

export const loader = guard("routes/virtual-school.$childId").loader(async ({ user, params, actor }) => {
  const child = await childFollowed(virtualSchoolScope(user), params.childId ?? "", actor);
  return {
    ...child,
    consentRequests: child.consentRequests.map((r) => ({ ...r, raisedOn: formatDate(londonDate(r.raisedAt)), rule: RULE_LABELS[r.rule] ?? r.rule })),
  };
});

export default function ChildInCare({ loaderData: c }: Route.ComponentProps) {
  const name = [c.firstName, c.middleNames, c.lastName].filter(Boolean).join(" ");
  return (
    <>
      <PageShell title={name} caption={`On ${councilPossessive(c.registerCouncil)} register`} backLink={{ href: href("/virtual-school"), text: "Back to children in care" }} width="full" />
      <PurposeStatement routeId="routes/virtual-school.$childId" />
      <SummaryList
        rows={[
          { key: "Child reference", value: c.childReference },
          { key: "Date of birth", value: formatDate(c.dateOfBirth) },
          { key: "Social care status", value: v.SOCIAL_CARE_STATUS_LABELS[c.socialCareStatus] },
          { key: "Education status", value: v.EDUCATION_STATUS_LABELS[c.educationStatus] },
          { key: "Category", value: `${COMMISSIONER_CATEGORY_LABELS[c.category]}: ${c.time.words}, since ${formatDate(c.statusSince)}` },
          { key: "Named school", value: c.namedSchoolUrn ? `${c.namedSchool ?? "A school"} (URN ${c.namedSchoolUrn})` : c.namedSchool ? `${c.namedSchool} (typed, not chosen from the schools list)` : "None recorded" },
          { key: "Allocated social worker", value: c.socialWorker ?? "None from your council" },
          { key: "On the register since", value: formatDate(c.dateEntered) },
          { key: `${councilPossessive(c.registerCouncil)} children not in school team`, value: [c.teamEmail, c.teamPhone].filter(Boolean).join(", ") || "No contact recorded" },
        ]}
      />
      <h2 className="govuk-heading-m">Parents and carers</h2>
      {c.parents === null ? (
        <p className="govuk-body">{councilPossessive(c.registerCouncil)} team has not shared the parents&apos; and carers&apos; details. Ask the team if you need them.</p>
      ) : c.parents.length > 0 ? (
        <Table
          caption={`Shared by ${councilPossessive(c.registerCouncil)} team`}
          captionSize="s"
          head={[{ text: "Name" }, { text: "Relationship" }, { text: "Address" }, { text: "Contact" }]}
          rows={c.parents.map((p) => ({ cells: [{ text: p.name }, { text: (v.RELATIONSHIP_LABELS as Record<string, string>)[p.relationship] ?? p.relationship }, { text: p.address || "Not recorded" }, { text: p.contact || "Not recorded" }] }))}
        />
      ) : (
        <p className="govuk-body">None recorded.</p>
      )}
      <h2 className="govuk-heading-m">Education arrangements</h2>
      {c.arrangements.length > 0 ? (
        <Table
          caption="Education the child receives"
          captionSize="s"
          head={[{ text: "Provider" }, { text: "Type" }, { text: "Hours a week", format: "numeric" }]}
          rows={c.arrangements.map((a) => ({ cells: [{ text: a.providerName }, { text: `${v.PROVIDER_TYPE_LABELS[a.providerType]}${a.online ? ", online" : ""}` }, { text: String(a.hoursPerWeek), format: "numeric" }] }))}
        />
      ) : (
        <p className="govuk-body">None recorded.</p>
      )}
      <h2 className="govuk-heading-m">Placements at alternative provision</h2>
      {c.placements.length > 0 ? (
        <Table
          caption="Placements, newest first"
          captionSize="s"
          head={[{ text: "Provider" }, { text: "Site" }, { text: "Dates" }, { text: "Hours a week", format: "numeric" }]}
          rows={c.placements.map((p) => ({
            cells: [{ text: p.provider }, { text: p.siteName }, { text: `${formatDate(p.startDate)} to ${formatDate(p.endDate)}${p.current ? " (current)" : ""}` }, { text: String(p.hoursPerWeek), format: "numeric" }],
          }))}
        />
      ) : (
        <p className="govuk-body">None.</p>
      )}
      <h2 className="govuk-heading-m">Home-education consent requests</h2>
      {c.consentRequests.length > 0 ? (
        <Table
          caption="Requests, newest first"
          captionSize="s"
          head={[{ text: "Decided by" }, { text: "Raised" }, { text: "Decide by" }, { text: "Status" }]}
          rows={c.consentRequests.map((r) => ({ cells: [{ text: r.rule }, { text: r.raisedOn }, { text: formatDate(r.decideBy) }, { text: STATUS_LABELS[r.status] }] }))}
        />
      ) : (
        <p className="govuk-body">None.</p>
      )}
    </>
  );
}
