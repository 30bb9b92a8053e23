import { data, redirect, href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/council-queue.$itemId";
import { RadiosField, TextareaField } from "#app/components/form/fields";
import { ValidatedForm } from "#app/components/form/ValidatedForm";
import { BackLink, Button, InsetText, SummaryList } from "#app/components/govuk";
import { possibleDuplicates } from "#app/data/child-matching.server";
import { decideDestinationUnknownMatch, viewDestinationUnknownMatch } from "#app/data/destination-unknown.server";
import { findQueueItem } from "#app/data/council-queue.server";
import { registerWriteScope } from "#app/data/scope.server";
import { acceptTransfer, declineTransfer, viewTransfer } from "#app/data/transfers.server";
import { decideSameChildRequest, viewSameChildRequest } from "#app/data/same-child.server";
import { decideParentNotification, NOTICE_LABELS, viewParentNotification } from "#app/data/parent-notifications.server";
import { CHANGE_LABELS, type Change } from "#app/forms/parent-notification";
import { decideNeverAttendingReturn, viewNeverAttendingReturn } from "#app/data/never-attending.server";
import { decideMissingNewPupilReturn, decideNewPupilReturn, viewMissingNewPupilReturn, viewNewPupilReturn } from "#app/data/new-pupil-returns.server";
import { decideDeletionReturn, viewDeletionReturn, type EntryAnswers } from "#app/data/school-returns.server";
import { deletionGroundText } from "#app/domain/deletion-grounds";
import { newEntryStatus, S434A_GROUND_LABELS } from "#app/domain/deletion-returns";
import { MATCH_REASON_LABELS } from "#app/domain/child-matching";
import { decisionsFor, QUEUE_DECISION_LABELS, QUEUE_KIND_LABELS, QUEUE_STATE_LABELS, type QueueKind } from "#app/domain/council-queue";
import { formatDate } from "#app/domain/dates";
import { EDUCATION_STATUS_LABELS, optionsOf, PROVIDER_TYPE_LABELS, RELATIONSHIP_LABELS, SEN_STATUS_LABELS, SEN_STATUSES, SOCIAL_CARE_STATUS_LABELS, SOCIAL_CARE_STATUSES } from "#app/domain/register-vocabulary";
import { asksEntryAnswers, queueDecisionSchema } from "#app/forms/council-queue";
import { parseSubmission } from "#app/forms/submission";
import { guard } from "#app/utils/route-guard.server";

const address = (a: { addressLine1: string; addressLine2?: string | null; town: string; postcode: string }) => [a.addressLine1, a.addressLine2, a.town, a.postcode].filter(Boolean).join(", ");
const candidateOptions = (candidates: { id: string; name: string; dateOfBirth: string; childReference: string; current?: boolean }[]) =>
  candidates.map((e) => ({ id: e.id, label: `${e.name}, born ${formatDate(e.dateOfBirth)} (${e.childReference})${e.current === false ? ", left with destination unknown" : ""}` }));

const contact = (team: { email: string | null; phone: string | null }) => [team.email, team.phone].filter(Boolean).join(", ") || "No contact recorded";

export const loader = guard("routes/council-queue.$itemId").loader(async ({ user, params, actor }) => {
  const scope = registerWriteScope(user);
  const unlocked = await findQueueItem(scope, params.itemId ?? "");
  const common = { id: unlocked.id, state: unlocked.state, dueOn: unlocked.dueOn, reason: unlocked.decisionReason, childId: unlocked.childId };
  if (unlocked.kind === "incoming_transfer") {
    const { payload: p } = await viewTransfer(scope, unlocked.id, actor);
    const existing = unlocked.state === "new" ? await possibleDuplicates(scope, { firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, childReference: p.childReference, postcode: p.newAddress?.postcode }) : [];
    return {
      ...common,
      kind: "incoming_transfer" as const,
      heading: `Transfer from ${p.fromLaName}`,
      rows: [
        { key: "Name", value: `${p.firstName} ${p.lastName}` },
        { key: "Date of birth", value: formatDate(p.dateOfBirth) },
        { key: "Child reference", value: p.childReference },
        { key: "New address", value: p.newAddress ? [p.newAddress.addressLine1, p.newAddress.addressLine2, p.newAddress.town, p.newAddress.postcode].filter(Boolean).join(", ") : "Not known" },
        { key: "Education status", value: EDUCATION_STATUS_LABELS[p.educationStatus] },
        { key: "Social worker involved", value: p.socialWorkerInvolved ? "Yes" : "No" },
        { key: "Left their register on", value: formatDate(p.dateLeft) },
        { key: "Open consent requests and placements", value: `${p.openConsentRequests} open home-education consent request${p.openConsentRequests === 1 ? "" : "s"}, ${p.currentPlacements} current placement${p.currentPlacements === 1 ? "" : "s"}: these stay with ${p.fromLaName}` },
        { key: `${p.fromLaName}'s team`, value: contact(p.sendingTeam) },
      ],
      existing: existing.map((e) => ({ id: e.id, label: `${e.name}, born ${formatDate(e.dateOfBirth)} (${e.childReference})` })),
    };
  }
  if (unlocked.kind === "deletion_return") {
    const { payload: p, candidates } = await viewDeletionReturn(scope, unlocked.id, actor);
    return {
      ...common,
      kind: "deletion_return" as const,
      heading: `${p.schoolName} says ${p.firstName} ${p.lastName} is leaving its roll`,
      rows: [
        { key: "School", value: `${p.schoolName} (URN ${p.urn})` },
        { key: "Name", value: [p.firstName, p.middleNames, p.lastName].filter(Boolean).join(" ") },
        { key: "Date of birth", value: formatDate(p.dateOfBirth) },
        { key: "UPN", value: p.upn ?? "Not given" },
        { key: "Address", value: address(p.address) },
        { key: "Parent they live with", value: `${p.parentName} (${RELATIONSHIP_LABELS[p.parentRelationship].toLowerCase()}), ${p.parentAddress ? address(p.parentAddress) : "at the pupil's address"}` },
        { key: "Emergency telephone", value: p.emergencyPhone },
        { key: "Ground for deletion", value: deletionGroundText(p.ground) },
        ...(p.noticeDate ? [{ key: "Parent's written notice", value: formatDate(p.noticeDate) }] : []),
        { key: "Next school or destination", value: p.nextSchool ?? "Not known" },
        ...(p.needsConsent
          ? [{ key: "Council's consent", value: `The school was told not to delete the pupil until the council consents: it says ${p.consentGrounds.map((g) => S434A_GROUND_LABELS[g]).join(" and ")}. Check the register, then record the notice on the child's entry.` }]
          : []),
      ],
      existing: candidates.map((e) => ({ id: e.id, label: `${e.name}, born ${formatDate(e.dateOfBirth)} (${e.childReference})` })),
      newEntryStatus: EDUCATION_STATUS_LABELS[newEntryStatus(p.ground)],
      socialCare: p.knownToSchool.includes("childProtectionPlan") ? "child_protection_plan" : p.knownToSchool.includes("s47Enquiries") ? "s47_enquiry" : "",
    };
  }
  if (unlocked.kind === "parent_notification") {
    const { payload: p, earlier, candidates } = await viewParentNotification(scope, unlocked.id, actor);
    const address = (a: { addressLine1: string; addressLine2?: string | null; town: string; postcode: string }) => [a.addressLine1, a.addressLine2, a.town, a.postcode].filter(Boolean).join(", ");
    // The entry the earlier notification was matched to or made into comes first among the candidates.
    const existing = candidates.map((e) => ({ id: e.id, label: `${e.name}, born ${formatDate(e.dateOfBirth)} (${e.childReference})${earlier?.childId === e.id ? ": the entry of the earlier notification" : ""}` }));
    existing.sort((a, b) => Number(b.id === earlier?.childId) - Number(a.id === earlier?.childId));
    return {
      ...common,
      kind: "parent_notification" as const,
      notice: p.notice,
      heading: p.notice === "change" ? `A parent tells you of a change for ${p.child.firstName} ${p.child.lastName}` : `A parent tells you ${p.child.firstName} ${p.child.lastName} is not in school`,
      rows: [
        { key: "Notification", value: `${NOTICE_LABELS[p.notice]} (reference ${p.reference})` },
        ...(p.earlierReference
          ? [{ key: "Changes the notification", value: `${p.earlierReference}${earlier ? (earlier.childId ? "" : ": not yet matched to an entry") : ": no notification with this reference in your queue"}` }]
          : []),
        { key: "Name", value: [p.child.firstName, p.child.middleNames, p.child.lastName].filter(Boolean).join(" ") },
        { key: "Date of birth", value: formatDate(p.child.dateOfBirth) },
        { key: p.notice === "change" ? "New address" : "Address", value: p.child.address ? address(p.child.address) : "Not given" },
        ...p.parents.map((parent, i) => ({
          key: i === 0 ? "Parent who sent it" : "Other parent or carer",
          value: [
            `${parent.name} (${RELATIONSHIP_LABELS[parent.relationship].toLowerCase()})`,
            parent.email,
            parent.phone,
            parent.livesWithChild ? "lives at the child's address" : parent.address ? `lives at ${address(parent.address)}` : "does not live at the child's address (address not given)",
            parent.hoursPerWeek !== null ? `educates the child ${parent.hoursPerWeek} hours a week` : null,
          ]
            .filter(Boolean)
            .join(", "),
        })),
        ...(p.notice === "change" ? [{ key: "Email address given", value: p.contactEmail }] : []),
        ...(p.education
          ? [
              { key: "Education", value: EDUCATION_STATUS_LABELS[p.education.status] },
              ...p.education.providers.map((provider) => ({
                key: provider.name,
                value: `${PROVIDER_TYPE_LABELS[provider.type]}, ${provider.online ? "online" : "in person"} (${provider.location}), ${provider.hoursPerWeek} hours a week, ${provider.hoursWithoutParent} with no parent present`,
              })),
            ]
          : []),
        ...(p.changes.length > 0 ? [{ key: "What has changed", value: p.changes.map((c) => CHANGE_LABELS[c as Change] ?? c).join("; ") }] : []),
        ...(p.changeDetails ? [{ key: "Details", value: p.changeDetails }] : []),
      ],
      existing,
    };
  }
  if (unlocked.kind === "new_pupil_return") {
    const { payload: p, candidates } = await viewNewPupilReturn(scope, unlocked.id, actor);
    return {
      ...common,
      kind: "new_pupil_return" as const,
      heading: `${p.schoolName} says ${p.firstName} ${p.lastName} has joined its roll`,
      rows: [
        { key: "School", value: `${p.schoolName} (URN ${p.urn})` },
        { key: "Name", value: [p.firstName, p.middleNames, p.lastName].filter(Boolean).join(" ") },
        { key: "Date of birth", value: formatDate(p.dateOfBirth) },
        { key: "UPN", value: p.upn ?? "Not given" },
        { key: "Address", value: address(p.address) },
        { key: "Joined the school on", value: formatDate(p.joinedOn) },
        { key: "Previous school", value: p.previousSchool ?? "Not given" },
        ...(p.elsewhere
          ? [
              { key: "Another council's register", value: `May be a child who left ${p.elsewhere.laName}'s register on ${formatDate(p.elsewhere.leftOn)}, destination unknown (${p.elsewhere.reasons.map((r) => MATCH_REASON_LABELS[r]).join("; ")})` },
              { key: `${p.elsewhere.laName}'s team`, value: contact(p.elsewhere.team) },
            ]
          : []),
      ],
      existing: candidateOptions(candidates),
      elsewhere: p.elsewhere !== null,
    };
  }
  if (unlocked.kind === "missing_new_pupil_return") {
    const { payload: p } = await viewMissingNewPupilReturn(scope, unlocked.id, actor);
    const q = p.deletion;
    return {
      ...common,
      kind: "missing_new_pupil_return" as const,
      heading: `No new school has sent a return for ${q.firstName} ${q.lastName}`,
      rows: [
        { key: "Name", value: [q.firstName, q.middleNames, q.lastName].filter(Boolean).join(" ") },
        { key: "Date of birth", value: formatDate(q.dateOfBirth) },
        { key: "UPN", value: q.upn ?? "Not given" },
        { key: "Address", value: address(q.address) },
        { key: "Left", value: `${q.schoolName} (URN ${q.urn}), ground ${deletionGroundText(q.ground)}` },
        { key: "Next school, as the school gave it", value: q.nextSchool ?? "Not known" },
        { key: "Recorded as moved on", value: formatDate(p.movedRecordedOn) },
        { key: "A new pupil return was expected by", value: formatDate(p.dueBy) },
        { key: "Parent they live with", value: `${q.parentName} (${RELATIONSHIP_LABELS[q.parentRelationship].toLowerCase()}), telephone ${q.emergencyPhone}` },
      ],
      existing: [],
      newEntryStatus: EDUCATION_STATUS_LABELS.not_on_roll,
      socialCare: "",
    };
  }
  if (unlocked.kind === "never_attending") {
    const { payload: p, candidates } = await viewNeverAttendingReturn(scope, unlocked.id, actor);
    return {
      ...common,
      kind: "never_attending" as const,
      heading: `${p.schoolName} says ${p.firstName} ${p.lastName} never attends`,
      rows: [
        { key: "School", value: `${p.schoolName} (URN ${p.urn})` },
        { key: "Name", value: [p.firstName, p.middleNames, p.lastName].filter(Boolean).join(" ") },
        { key: "Date of birth", value: formatDate(p.dateOfBirth) },
        { key: "UPN", value: p.upn ?? "Not given" },
        { key: "Address", value: address(p.address) },
        { key: "Parent they live with", value: `${p.parentName} (${RELATIONSHIP_LABELS[p.parentRelationship].toLowerCase()}), telephone ${p.emergencyPhone}` },
        { key: "Absence", value: `${p.sessionsMissed} sessions in a row since ${formatDate(p.absentSince)}, all unauthorised` },
      ],
      existing: candidateOptions(candidates),
      newEntryStatus: EDUCATION_STATUS_LABELS.on_roll_full_absence,
      socialCare: "",
    };
  }
  if (unlocked.kind === "same_child_request") {
    const { payload: p } = await viewSameChildRequest(scope, unlocked.id, actor);
    // Before this council confirms it sees only the asking council's name, team and the match's reasons.
    return {
      ...common,
      kind: "same_child_request" as const,
      heading: unlocked.source === "another_council" ? `${p.askingLaName} asks whether a child on your register is the same child` : "A possible match on another council's register",
      rows: [
        { key: "Asked by", value: unlocked.source === "another_council" ? p.askingLaName : "The service (suggested on the child's page)" },
        { key: "Why it may be the same child", value: p.reasons.map((r) => MATCH_REASON_LABELS[r]).join("; ") },
        ...(unlocked.source === "another_council" ? [{ key: `${p.askingLaName}'s team`, value: contact(p.askingTeam) }] : []),
      ],
      existing: [],
    };
  }
  const { payload: p } = await viewDestinationUnknownMatch(scope, unlocked.id);
  return {
    ...common,
    kind: "destination_unknown_match" as const,
    heading: `A child who left ${p.leftLaName}'s register may be on yours`,
    rows: [
      { key: "Left", value: `${p.leftLaName}'s register on ${formatDate(p.leftOn)}, destination unknown` },
      { key: "Why it may be the same child", value: p.reasons.map((r) => MATCH_REASON_LABELS[r]).join("; ") },
      { key: `${p.leftLaName}'s team`, value: contact(p.leavingTeam) },
    ],
    existing: [],
  };
});

export const action = guard("routes/council-queue.$itemId").action(async ({ request, user, params, actor }) => {
  const scope = registerWriteScope(user);
  const item = await findQueueItem(scope, params.itemId ?? "");
  const decisions = decisionsFor(item.kind, item.state) as string[];
  if (decisions.length === 0) return redirect(href("/council-queue/:itemId", { itemId: item.id }));
  const submission = parseSubmission(queueDecisionSchema(item.kind, decisions as [string, ...string[]]), await request.formData());
  if (!submission.ok) return data({ errors: submission.errors, values: submission.values }, { status: 400 });
  const { decision, reason, existingChildId } = submission.data;
  if (item.kind === "incoming_transfer") {
    const result = decision === "decline" ? await declineTransfer(scope, item.id, reason!, actor) : await acceptTransfer(scope, item.id, actor, decision === "accept_existing" ? existingChildId : undefined);
    if (result.ok) return redirect(decision === "decline" ? `${href("/council-queue")}?kind=incoming_transfer` : href("/register/:childId", { childId: result.childId }));
    if (result.kind === "already_on_register") {
      return data({ errors: { decision: "The child is already on your register: choose to accept into the entry they have" }, values: { decision: "accept_existing", existingChildId: result.existingId } }, { status: 409 });
    }
    return data({ errors: {}, values: {}, formError: result.why }, { status: 409 });
  }
  if (item.kind === "deletion_return") {
    const d = submission.data;
    const result = await decideDeletionReturn(
      scope,
      item.id,
      decision === "match"
        ? { decision: "match", childId: existingChildId! }
        : decision === "moved_school"
          ? { decision: "moved_school", reason: reason! }
          : { decision: "make_entry", answers: { parentHasParentalResponsibility: d.parentHasParentalResponsibility === "yes", senStatus: d.senStatus!, socialCareStatus: d.socialCareStatus!, atRiskOfHarmFromHome: d.atRiskOfHarmFromHome === "yes" } },
      actor,
    );
    if (!result.ok) return data({ errors: {}, values: d, formError: result.why }, { status: 409 });
    return redirect(result.childId ? href("/register/:childId", { childId: result.childId }) : `${href("/council-queue")}?kind=deletion_return`);
  }
  const answers = (): EntryAnswers => {
    const d = submission.data;
    return { parentHasParentalResponsibility: d.parentHasParentalResponsibility === "yes", senStatus: d.senStatus!, socialCareStatus: d.socialCareStatus!, atRiskOfHarmFromHome: d.atRiskOfHarmFromHome === "yes" };
  };
  if (item.kind === "parent_notification") {
    const result = await decideParentNotification(
      scope,
      item.id,
      decision === "match" ? { decision: "match", childId: existingChildId! } : decision === "dismiss" ? { decision: "dismiss", reason: reason! } : { decision: "make_entry", answers: answers() },
      actor,
    );
    if (!result.ok) return data({ errors: {}, values: submission.data, formError: result.why }, { status: 409 });
    return redirect(result.childId ? href("/register/:childId", { childId: result.childId }) : `${href("/council-queue")}?kind=parent_notification`);
  }
  if (item.kind === "new_pupil_return" || item.kind === "missing_new_pupil_return" || item.kind === "never_attending") {
    const result =
      item.kind === "new_pupil_return"
        ? await decideNewPupilReturn(scope, item.id, decision === "match" ? { decision: "match", childId: existingChildId! } : { decision: decision as "match_elsewhere" | "not_known" }, actor)
        : item.kind === "missing_new_pupil_return"
          ? await decideMissingNewPupilReturn(scope, item.id, decision === "found_on_roll" ? { decision: "found_on_roll", reason: reason! } : { decision: "make_entry", answers: answers() }, actor)
          : await decideNeverAttendingReturn(
              scope,
              item.id,
              decision === "reject" ? { decision: "reject", reason: reason! } : decision === "accept_existing" ? { decision: "accept_existing", childId: existingChildId! } : { decision: "accept", answers: answers() },
              actor,
            );
    if (!result.ok) return data({ errors: {}, values: submission.data, formError: result.why }, { status: 409 });
    return redirect(result.childId ? href("/register/:childId", { childId: result.childId }) : `${href("/council-queue")}?kind=${item.kind}`);
  }
  if (item.kind === "same_child_request") {
    const result = await decideSameChildRequest(scope, item.id, decision as "confirm" | "not_same_child", reason ?? null, actor);
    if (!result.ok) return data({ errors: {}, values: {}, formError: result.why }, { status: 409 });
    return redirect(decision === "confirm" && item.childId ? href("/register/:childId", { childId: item.childId }) : `${href("/council-queue")}?kind=same_child_request`);
  }
  const result = await decideDestinationUnknownMatch(scope, item.id, decision as "confirm" | "not_same_child", reason ?? null, actor);
  if (!result.ok) return data({ errors: {}, values: {}, formError: result.why }, { status: 409 });
  return redirect(`${href("/council-queue")}?kind=destination_unknown_match`);
});

export default function QueueItem({ loaderData: d, actionData }: Route.ComponentProps) {
  const kind: QueueKind = d.kind;
  const choosesEntry = (x: string) => x === "accept_existing" || ((kind === "deletion_return" || kind === "new_pupil_return" || kind === "parent_notification") && x === "match");
  const decisions = decisionsFor(kind, d.state)
    .filter((x) => (!choosesEntry(x) || d.existing.length > 0) && (x !== "match_elsewhere" || ("elsewhere" in d && d.elsewhere)))
    // A parent's change is matched to the entry it changes: it makes no entry of its own.
    .filter((x) => !(d.kind === "parent_notification" && d.notice === "change" && x === "make_entry"));
  const labels = QUEUE_DECISION_LABELS[kind] as Record<string, string>;
  const schema = queueDecisionSchema(kind, (decisions.length > 0 ? decisions : ["none"]) as [string, ...string[]]);
  const yesNo = [
    { value: "yes", label: "Yes" },
    { value: "no", label: "No" },
  ];
  const entryQuestions =
    "newEntryStatus" in d || d.kind === "parent_notification" ? (
      <>
        {"newEntryStatus" in d ? (
          <p className="govuk-body">The entry is made from the school&apos;s return, with its status {d.newEntryStatus.toLowerCase()}. Answer what the school could not tell you.</p>
        ) : (
          <p className="govuk-body">The entry is made from the notification, every item&apos;s source the parent. Answer what the parent was not asked.</p>
        )}
        <RadiosField name="parentHasParentalResponsibility" legend="Does the parent have parental responsibility?" small inline items={yesNo} />
        <RadiosField name="senStatus" legend="Special educational needs" small items={optionsOf(SEN_STATUSES, SEN_STATUS_LABELS)} />
        <RadiosField name="socialCareStatus" legend="Social care status" small items={optionsOf(SOCIAL_CARE_STATUSES, SOCIAL_CARE_STATUS_LABELS)} />
        <RadiosField name="atRiskOfHarmFromHome" legend="Is the child at risk of harm from their home environment?" small inline items={yesNo} />
      </>
    ) : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`${href("/council-queue")}?kind=${kind}`}>Back to {QUEUE_KIND_LABELS[kind].toLowerCase()}s</BackLink>
        <ValidatedForm schema={schema} defaultValues={"socialCare" in d && d.socialCare ? { socialCareStatus: d.socialCare } : {}} refused={actionData} pageTitle={d.heading}>
          <span className="govuk-caption-l">{QUEUE_KIND_LABELS[kind]}</span>
          <h1 className="govuk-heading-l">{d.heading}</h1>
          <PurposeStatement routeId="routes/council-queue.$itemId" />
          <SummaryList rows={[...d.rows, { key: "Due", value: formatDate(d.dueOn) }, { key: "Status", value: QUEUE_STATE_LABELS[d.state] }]} />
          {d.state !== "new" ? (
            <InsetText>
              {QUEUE_STATE_LABELS[d.state]}
              {d.reason ? `: ${d.reason}` : ""}.{" "}
              {d.childId ? (
                <a className="govuk-link" href={href("/register/:childId", { childId: d.childId })}>
                  Open the entry
                </a>
              ) : null}
            </InsetText>
          ) : (
            <>
              {(kind === "destination_unknown_match" || kind === "same_child_request") && d.childId ? (
                <p className="govuk-body">
                  <a className="govuk-link" href={href("/register/:childId", { childId: d.childId })}>
                    Open the entry on your register
                  </a>
                </p>
              ) : null}
              <RadiosField
                name="decision"
                legend="What do you want to do?"
                legendSize="m"
                items={decisions.map((decision) => ({
                  value: decision,
                  label: labels[decision]!,
                  conditional:
                    choosesEntry(decision) ? (
                      <RadiosField name="existingChildId" legend="Which entry?" small items={d.existing.map((e) => ({ value: e.id, label: e.label }))} />
                    ) : decision === "decline" || decision === "not_same_child" || decision === "reject" ? (
                      <TextareaField name="reason" label={kind === "never_attending" ? "Reason (the school sees only that the report was not accepted)" : "Reason (the other council is told it)"} rows={3} />
                    ) : decision === "dismiss" ? (
                      <TextareaField name="reason" label="Why is there nothing to register?" rows={2} />
                    ) : decision === "moved_school" ? (
                      <TextareaField name="reason" label="Which school did the child move to?" rows={2} />
                    ) : decision === "found_on_roll" ? (
                      <TextareaField name="reason" label="Which school's roll is the pupil on, and how do you know?" rows={2} />
                    ) : asksEntryAnswers(kind, decision) ? (
                      entryQuestions
                    ) : undefined,
                }))}
              />
              <Button preventDoubleClick>Continue</Button>
            </>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
