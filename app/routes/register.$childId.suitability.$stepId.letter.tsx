import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId.suitability.$stepId.letter";
import { InsetText } from "#app/components/govuk";
import { PageShell } from "#app/components/PageShell";
import { registerWriteScope } from "#app/data/scope.server";
import { suitabilityLetter, suitabilityRules } from "#app/data/suitability.server";
import { formatDate } from "#app/domain/dates";
import { letterParagraphs, letterTitle } from "#app/domain/suitability-letters";
import { isNoticeAction } from "#app/domain/suitability-process";
import { notFound } from "#app/utils/refusals.server";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId.suitability.$stepId.letter").loader(async ({ user, params, actor }) => {
  const letter = await suitabilityLetter(registerWriteScope(user), params.childId ?? "", params.stepId ?? "", actor);
  const action = letter.step.action;
  if (!isNoticeAction(action)) notFound();
  const rules = suitabilityRules();
  const childName = `${letter.child.firstName} ${letter.child.lastName}`;
  const address = (p: { addressLine1: string | null; addressLine2: string | null; town: string | null; postcode: string | null }) => [p.addressLine1, p.addressLine2, p.town, p.postcode].filter((x): x is string => !!x);
  return {
    childId: params.childId ?? "",
    title: letterTitle(action),
    council: letter.council,
    servedOn: formatDate(letter.step.stepOn),
    child: { name: childName, dateOfBirth: formatDate(letter.child.dateOfBirth), reference: letter.child.childReference },
    recipients: letter.parents.map((p) => ({ name: p.name, address: p.livesWithChild || !p.addressLine1 ? address(letter.childAddress) : address(p) })),
    paragraphs: letterParagraphs({
      action,
      childName,
      council: letter.council,
      servedOn: letter.step.stepOn,
      deadline: letter.step.deadline,
      periodDays: action === "serve_notice" ? rules.noticeDays : action === "serve_intention" ? rules.intentionDays : null,
      schools: letter.schools.map((s) => s.name),
    }),
    signedBy: letter.decidedBy,
  };
});

export default function SuitabilityLetter({ loaderData: d }: Route.ComponentProps) {
  return (
    <PageShell title={d.title} heading={null} backLink={{ href: `${href("/register/:childId", { childId: d.childId })}#suitability`, text: "Back to the entry" }}>
      <div className="app-no-print">
        <PurposeStatement routeId="routes/register.$childId.suitability.$stepId.letter" />
        <InsetText>Print this page (your browser&apos;s print command) to send the letter. Printing leaves out the service&apos;s header and links.</InsetText>
      </div>
      <p className="govuk-body govuk-!-font-weight-bold">Private and confidential</p>
      {d.recipients.length === 0 ? <p className="govuk-body">To the parents of {d.child.name}</p> : null}
      {d.recipients.map((r) => (
        <p key={r.name} className="govuk-body">
          {[r.name, ...r.address].map((line, i) => (
            <span key={i}>
              {line}
              <br />
            </span>
          ))}
        </p>
      ))}
      <p className="govuk-body">{d.servedOn}</p>
      <h1 className="govuk-heading-m">{d.title}</h1>
      <p className="govuk-body">
        Child: {d.child.name}, born {d.child.dateOfBirth} (our reference {d.child.reference})
      </p>
      {d.paragraphs.map((p, i) => (
        <p key={i} className="govuk-body">
          {p}
        </p>
      ))}
      <p className="govuk-body">
        {d.signedBy}
        <br />
        On behalf of {d.council}
      </p>
    </PageShell>
  );
}
