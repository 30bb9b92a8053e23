import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/register.$childId._index";
import { BackLink, Button, ButtonGroup, InsetText, NotificationBanner, Select, SummaryCard, SummaryList, Tag, WarningText } from "#app/components/govuk";
import { outgoingTransferOf } from "#app/data/transfers.server";
import { sameChildSuggestions } from "#app/data/same-child.server";
import { PageTitle } from "#app/components/PageTitle";
import { consentRequestsOfChild } from "#app/data/consent.server";
import { placementView } from "#app/components/placements/placement-view";
import { placementsOfChild } from "#app/data/placements.server";
import { viewEntry } from "#app/data/entry-read.server";
import { registerScope, registerWriteScope } from "#app/data/scope.server";
import { ChildAuditTrail } from "#app/components/register/ChildAuditTrail";
import { childAuditLines } from "#app/data/la-audit-log.server";
import { schoolAgeStatus } from "#app/domain/compulsory-school-age";
import { formatDate, londonDate } from "#app/domain/dates";
import * as v from "#app/domain/register-vocabulary";
import { caseOwners } from "#app/data/caseload.server";
import { contactsOfChild } from "#app/data/contacts.server";
import { suitabilityOfChild } from "#app/data/suitability.server";
import { SuitabilityCard } from "#app/components/casework/SuitabilityCard";
import { SupportCard } from "#app/components/casework/SupportCard";
import { hasResponsibleAuthority } from "#app/domain/children-in-care";
import { supportRequestsOfChild } from "#app/data/support-requests.server";
import { providerRequestsOf } from "#app/data/provider-requests.server";
import { providerAnswerRows } from "#app/domain/provider-requests";
import { DocumentsCard } from "#app/components/casework/DocumentsCard";
import { documentsOfChild } from "#app/data/documents.server";
import { CONTACT_TYPE_LABELS } from "#app/domain/contacts";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId._index").loader(async ({ user, params, request, actor, can }) => {
  const scope = registerScope(user);
  const entry = await viewEntry(scope, params.childId ?? "", actor);
  const today = londonDate(new Date());
  const [requests, placements, contacts, suitability, support, providerRequests] = await Promise.all([
    consentRequestsOfChild(scope, entry.id),
    placementsOfChild(scope, entry.id),
    contactsOfChild(scope, entry.id),
    suitabilityOfChild(scope, entry.id, today),
    supportRequestsOfChild(scope, entry.id),
    providerRequestsOf(scope, entry.id),
  ]);
  const owners = can("write:child:own-la") ? await caseOwners(registerWriteScope(user)) : [];
  const ownerName = entry.ownerUserId ? (owners.find((o) => o.id === entry.ownerUserId)?.name ?? "Another officer") : "Unassigned";
  // The LA's officers see who has viewed or changed the entry; an allocated social worker does not.
  const auditTrail = scope.kind === "la" ? await childAuditLines(scope.la, entry.id) : null;
  const homeEducation = new URL(request.url).searchParams.get("homeEducation");
  const age = schoolAgeStatus(entry.dateOfBirth, today);
  return {
    id: entry.id,
    name: `${entry.firstName} ${entry.lastName}`,
    childReference: entry.childReference,
    view: entry.view,
    sourcedItems: entry.sourcedItems,
    left: entry.dateLeft
      ? {
          date: formatDate(entry.dateLeft),
          reason: entry.reasonLeft ? v.REASON_LEFT_LABELS[entry.reasonLeft] : "",
          detail: entry.reasonLeftDetail,
          destination: entry.destination ? v.DESTINATION_LABELS[entry.destination] : null,
        }
      : null,
    transfer: scope.kind === "la" ? await outgoingTransferOf(scope.la, entry.id) : null,
    transferred: new URL(request.url).searchParams.has("transferred"),
    alsoRegisteredBy: entry.alsoRegisteredBy.map((other) => ({
      name: other.name,
      team: [other.teamEmail, other.teamPhone].filter(Boolean).join(", ") || "no contact recorded",
      // The other council's entry status and since when (issue 15 item 3), never its details.
      status: other.dateLeft ? `left their register on ${formatDate(other.dateLeft)}` : `on their register: ${v.EDUCATION_STATUS_LABELS[other.educationStatus].toLowerCase()} since ${formatDate(other.statusSince)}`,
      current: other.dateLeft === null,
    })),
    // Likely matches on other registers, to ask them to confirm or rule out (issue 15 item 3).
    sameChild: can("write:child:own-la") && !entry.dateLeft ? await sameChildSuggestions(registerWriteScope(user), entry.id, actor) : [],
    sameChildAnswered: new URL(request.url).searchParams.get("sameChild"),
    // Decisions 051 and 052: what the data protection work has done to the entry.
    restricted: entry.restrictedSince !== null,
    anonymised: entry.anonymisedAt !== null,
    // What the page offers is asked of the same permissions the routes it links to require.
    canEdit: can("write:child:own-la"),
    canPlace: can("write:placement:own-la"),
    placements: placements.map((p) => placementView(p, today)),
    placed: new URL(request.url).searchParams.has("placed"),
    reviewed: new URL(request.url).searchParams.has("reviewed"),
    created: new URL(request.url).searchParams.has("created"),
    saved: new URL(request.url).searchParams.has("saved"),
    ageWarning:
      age.kind === "below" ? `Not yet of compulsory school age (from ${formatDate(age.startsOn)})` : age.kind === "above" ? `Over compulsory school age (ended ${formatDate(age.endedOn)})` : null,
    consentRequests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      decider: r.rule === "statutory" ? "council's decision" : "social worker's agreement",
      raised: formatDate(londonDate(r.raisedAt)),
      decideBy: formatDate(r.decideBy),
      reviewDate: r.reviewDate ? formatDate(r.reviewDate) : null,
    })),
    homeEducation,
    attendanceOrderRouteSince: entry.attendanceOrderRouteSince ? formatDate(entry.attendanceOrderRouteSince) : null,
    homeEducated: entry.educationStatus === "elective_home_education",
    missingNamedSchool: entry.socialCareStatus === "child_in_need_plan" && !entry.namedSchool,
    auditTrail,
    history: entry.history,
    owner: { id: entry.ownerUserId, name: ownerName },
    printed: { by: user.name, at: new Date().toISOString() },
    owners,
    nextAction: entry.nextAction && entry.nextActionDue ? { text: entry.nextAction, due: formatDate(entry.nextActionDue), overdue: entry.nextActionDue <= today } : null,
    lastContactOn: entry.lastContactOn ? formatDate(entry.lastContactOn) : null,
    contact: new URL(request.url).searchParams.get("contact"),
    moved: (new URL(request.url).searchParams.get("moved") ?? "0") !== "0",
    contacts: contacts.map((c) => ({
      id: c.id,
      date: formatDate(c.contactDate),
      type: CONTACT_TYPE_LABELS[c.type],
      withWhom: c.withWhom,
      whatHappened: c.whatHappened,
      outcome: c.outcome,
      nextAction: c.nextAction && c.nextActionDue ? `${c.nextAction} (by ${formatDate(c.nextActionDue)})` : null,
      author: c.author,
      mayCorrect: c.mayCorrect,
    })),
    suitability,
    support,
    mayAskSupport: entry.educationStatus === "elective_home_education",
    supportRecorded: new URL(request.url).searchParams.get("support") === "recorded",
    suitabilityRecorded: new URL(request.url).searchParams.get("suitability") === "recorded",
    sharingSaved: new URL(request.url).searchParams.get("sharing") === "saved",
    virtualSchoolSharing: hasResponsibleAuthority(entry.socialCareStatus) && scope.kind === "la" ? { shared: entry.parentsSharedWithVirtualSchool } : null,
    documents: await documentsOfChild(scope, entry.id),
    documentAdded: new URL(request.url).searchParams.get("document") === "added",
    today,
    providerAnswers: providerRequests.map((r) => ({
      id: r.id,
      heading: `${r.providerName}, asked on ${formatDate(r.requestedOn)}`,
      rows: providerAnswerRows(r),
    })),
  };
});

function PlacementBlock({ placement: p, canChange }: { placement: ReturnType<typeof placementView>; canChange: boolean }) {
  return (
    <div className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {p.providerName}, {p.siteName} {p.tags.map((t) => (
          <Tag key={t.text} colour={t.colour}>
            {t.text}
          </Tag>
        ))}
      </h3>
      <p className="govuk-body govuk-!-margin-bottom-1">
        {p.dates}. {p.pattern}.
      </p>
      {p.notes.map((n) => (
        <p key={n} className="govuk-body-s govuk-!-margin-bottom-1">
          {n}
        </p>
      ))}
      {canChange && p.changeable ? (
        <p className="govuk-body">
          {p.needsReview ? (
            <a className="govuk-link govuk-!-margin-right-3" href={href("/placements/:placementId/review", { placementId: p.id })}>
              Review<span className="govuk-visually-hidden"> the placement with {p.providerName}</span>
            </a>
          ) : null}
          <a className="govuk-link" href={href("/placements/:placementId/end", { placementId: p.id })}>
            End early<span className="govuk-visually-hidden"> the placement with {p.providerName}</span>
          </a>{" "}
          {p.extendBlocked ? null : (
            <a className="govuk-link govuk-!-margin-left-3" href={href("/placements/:placementId/extend", { placementId: p.id })}>
              Extend<span className="govuk-visually-hidden"> the placement with {p.providerName}</span>
            </a>
          )}
        </p>
      ) : null}
    </div>
  );
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

const SECTIONS: { heading: string; fields: string[] }[] = [
  { heading: "The child", fields: ["name", "dateOfBirth", "sex", "address", "upn", "nhsNumber", "laChildId"] },
  { heading: "Parents and carers", fields: ["parents"] },
  { heading: "Education", fields: ["educationStatus", "homeEducationReason", "arrangements"] },
  { heading: "Needs and social care", fields: ["senStatus", "socialCareStatus", "responsibleAuthority", "allocatedSocialWorker", "atRiskOfHarmFromHome", "laArrangedSpecialSchoolPlace", "namedSchool"] },
  { heading: "Protected characteristics", fields: v.PROTECTED_CHARACTERISTICS.map((c) => `characteristics.${c}`) },
  { heading: "The entry", fields: ["dateEntered"] },
];

export default function ChildPage({ loaderData: d }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={d.name} />
        <BackLink href={d.canEdit ? href("/register") : href("/my-children")}>Back</BackLink>
        {d.transferred ? <NotificationBanner type="success" heading="The transfer has been sent" /> : null}
        {d.created ? <NotificationBanner type="success" heading={`${d.name} has been added to the register`} /> : null}
        {d.saved ? <NotificationBanner type="success" heading="Your changes have been saved" /> : null}
        {d.placed ? <NotificationBanner type="success" heading="The placement has been made" /> : null}
        {d.reviewed ? <NotificationBanner type="success" heading="The placement was reviewed and continues" /> : null}
        {d.contact === "recorded" ? <NotificationBanner type="success" heading="The contact has been recorded" /> : null}
        {d.contact === "corrected" ? <NotificationBanner type="success" heading="The contact has been corrected" /> : null}
        {d.moved ? <NotificationBanner type="success" heading="The entry's owner has been changed" /> : null}
        {d.homeEducation === "recorded" ? <NotificationBanner type="success" heading="Home education has been recorded" /> : null}
        {d.suitabilityRecorded ? <NotificationBanner type="success" heading="The step has been recorded" /> : null}
        {d.supportRecorded ? <NotificationBanner type="success" heading="The request for support has been updated" /> : null}
        {d.sharingSaved ? <NotificationBanner type="success" heading="Sharing with the virtual school head saved" /> : null}
        {d.documentAdded ? <NotificationBanner type="success" heading="The document has been added" /> : null}
        {d.homeEducation === "consent_requested" ? (
          <NotificationBanner type="success" heading="The request has been sent for a decision">
            <p className="govuk-body">The child&apos;s education status will change only when every decision it needs is agreed.</p>
          </NotificationBanner>
        ) : null}
        <p className="app-print-only govuk-body govuk-!-font-weight-bold" data-print-marking>
          OFFICIAL-SENSITIVE
          <br />
          Child reference {d.childReference}. Printed {timeFormat.format(new Date(d.printed.at))} by {d.printed.by}.
        </p>
        <span className="govuk-caption-l">Child reference {d.childReference}</span>
        <h1 className="govuk-heading-l">{d.name}</h1>
        <PurposeStatement routeId="routes/register.$childId._index" />
        {d.left ? (
          <p className="govuk-body">
            <Tag colour="grey">Left the register</Tag> on {d.left.date}: {d.left.reason.toLowerCase()}
            {d.left.detail ? ` (${d.left.detail})` : ""}
            {d.left.destination ? `, destination: ${d.left.destination.toLowerCase()}` : ""}
          </p>
        ) : null}
        {d.restricted ? (
          <WarningText>Processing of this entry is restricted while a dispute about it is looked at: it is left out of statistics, API results and exports until the council admin lifts the restriction.</WarningText>
        ) : null}
        {d.anonymised ? <p className="govuk-body">This entry was anonymised under the retention schedule: only what the statistics count is kept.</p> : null}
        {d.transfer ? (
          <InsetText>
            {d.transfer.state === "new"
              ? `Transfer sent to ${d.transfer.toLaName}: waiting for them to accept or decline.`
              : d.transfer.state === "dismissed"
                ? `${d.transfer.toLaName} declined the transfer: ${d.transfer.reason ?? ""}`
                : `${d.transfer.toLaName} accepted the transfer.`}
          </InsetText>
        ) : null}
        {d.sameChildAnswered ? (
          <NotificationBanner type="success" heading={d.sameChildAnswered === "requested" ? "Request sent: the other council is asked to confirm it is the same child" : "Recorded: not the same child"} titleId="same-child-banner-title" />
        ) : null}
        {d.alsoRegisteredBy.length > 0 ? (
          <NotificationBanner title={d.alsoRegisteredBy.some((o) => o.current) ? "Also registered elsewhere" : "On other registers"}>
            {d.alsoRegisteredBy.map((other) => (
              <p className="govuk-body" key={`${other.name} ${other.status}`}>
                {other.current ? "Also registered by" : "Known to"} {other.name}: {other.status}. Their children not in school team: {other.team}.
              </p>
            ))}
            {d.alsoRegisteredBy.some((o) => o.current) ? <p className="govuk-body">Contact them to agree which council holds the child&apos;s record.</p> : null}
          </NotificationBanner>
        ) : null}
        {d.sameChild.length > 0 ? (
          <InsetText>
            {d.sameChild.map((s) => (
              <p className="govuk-body" key={s.laId}>
                {s.laName} may have the same child. Their children not in school team: {[s.teamEmail, s.teamPhone].filter(Boolean).join(", ") || "no contact recorded"}.{" "}
                {s.waitingFor === "them" ? (
                  `You have asked ${s.laName} to confirm: waiting for their answer.`
                ) : s.waitingFor === "us" && s.ourItemId ? (
                  <a className="govuk-link" href={href("/council-queue/:itemId", { itemId: s.ourItemId })}>
                    Answer {s.laName}&apos;s request to confirm it is the same child
                  </a>
                ) : (
                  <a className="govuk-link" href={`${href("/register/:childId/same-child", { childId: d.id })}?la=${s.laId}`}>
                    Ask {s.laName} to confirm, or say it is not the same child
                  </a>
                )}
              </p>
            ))}
          </InsetText>
        ) : null}
        {d.ageWarning ? <WarningText>{d.ageWarning}</WarningText> : null}
        {d.missingNamedSchool ? <WarningText>No named school is recorded for this child-in-need plan.</WarningText> : null}
        {d.attendanceOrderRouteSince ? (
          <p className="govuk-body">
            <Tag colour="orange">School attendance order route</Tag> Home education was refused on {d.attendanceOrderRouteSince}: the child stays on roll.
          </p>
        ) : null}
        {d.canEdit && !d.left ? (
          <ButtonGroup>
            <Button href={href("/register/:childId/edit", { childId: d.id })}>Change the entry</Button>
            {!d.homeEducated && !d.consentRequests.some((r) => r.status === "pending") ? (
              <Button href={href("/register/:childId/home-education", { childId: d.id })} variant="secondary">
                Record an intention to home educate
              </Button>
            ) : null}
            <Button href={href("/register/:childId/leave", { childId: d.id })} variant="secondary">
              Record that the child has left
            </Button>
          </ButtonGroup>
        ) : null}
        <SummaryList
          card={{ title: "Casework" }}
          rows={[
            { key: "Owner", value: d.owner.name },
            { key: "Last contact", value: d.lastContactOn ?? "None recorded" },
            {
              key: "Next action",
              value: d.nextAction ? (
                <>
                  {d.nextAction.text}, due {d.nextAction.due} {d.nextAction.overdue ? <Tag colour="red">Due</Tag> : null}
                </>
              ) : (
                "None"
              ),
            },
            ...(d.canEdit
              ? [
                  {
                    key: "Visit or meeting after registration",
                    value: (
                      <a className="govuk-link" href={href("/register/:childId/visit", { childId: d.id })}>
                        The council's offer of a visit or meeting
                      </a>
                    ),
                  },
                  {
                    key: "Requests for information",
                    value: (
                      <a className="govuk-link" href={href("/register/:childId/information-requests", { childId: d.id })}>
                        Requests for information to the parents
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {d.owners.length > 0 && !d.left ? (
          <form method="post" action={`${href("/register")}?index`} className="app-no-print">
            <input type="hidden" name="childId" value={d.id} />
            <input type="hidden" name="returnTo" value={href("/register/:childId", { childId: d.id })} />
            <Select
              id="owner"
              name="owner"
              label="Move this entry to another caseload"
              defaultValue={d.owner.id ?? "none"}
              options={[...d.owners.map((o) => ({ value: o.id, label: o.name })), { value: "none", label: "Unassigned" }]}
            />
            <Button variant="secondary">Change the owner</Button>
          </form>
        ) : null}
        <div id="contacts">
          <SummaryCard title="Contacts and notes" actions={d.canEdit && !d.left ? [{ href: href("/register/:childId/contacts/new", { childId: d.id }), text: "Record a contact or note" }] : []}>
            {d.contacts.length === 0 ? <p className="govuk-body">No contacts recorded.</p> : null}
            {d.contacts.map((c) => (
              <div key={c.id} className="govuk-!-margin-bottom-6">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  {c.date}: {c.type} with {c.withWhom}
                </h3>
                <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-1">{c.whatHappened}</p>
                {c.outcome ? <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-1">Outcome: {c.outcome}</p> : null}
                {c.nextAction ? <p className="govuk-body govuk-!-margin-bottom-1">Next action: {c.nextAction}</p> : null}
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  Recorded by {c.author}
                  {c.mayCorrect ? (
                    <>
                      {" "}
                      <a className="govuk-link app-no-print" href={href("/register/:childId/contacts/:contactId", { childId: d.id, contactId: c.id })}>
                        Correct<span className="govuk-visually-hidden"> the contact of {c.date}</span>
                      </a>
                    </>
                  ) : null}
                </p>
              </div>
            ))}
          </SummaryCard>
        </div>
        {d.virtualSchoolSharing ? (
          <p className="govuk-body" id="virtual-school-sharing">
            The responsible council&apos;s virtual school head {d.virtualSchoolSharing.shared ? "sees" : "does not see"} the parents&apos; and carers&apos; details.{" "}
            {d.canEdit ? (
              <a className="govuk-link app-no-print" href={href("/register/:childId/share-with-virtual-school", { childId: d.id })}>
                Change<span className="govuk-visually-hidden"> what the virtual school head sees</span>
              </a>
            ) : null}
          </p>
        ) : null}
        <SuitabilityCard childId={d.id} data={d.suitability} today={d.today} canAct={d.canEdit && !d.left} />
        <SupportCard childId={d.id} rows={d.support} canRecord={d.canEdit && !d.left && d.mayAskSupport} canAct={d.canEdit} />
        <div id="provider-answers">
          <SummaryCard
            title="Information from providers (section 436E)"
            actions={d.canEdit && !d.left ? [{ href: href("/register/:childId/provider-requests/new", { childId: d.id }), text: "Ask a provider for information" }] : []}
          >
            {d.providerAnswers.length === 0 ? <p className="govuk-body">No provider has been asked.</p> : null}
            {d.providerAnswers.map((a) => (
              <div key={a.id}>
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{a.heading}</h3>
                <SummaryList rows={a.rows} />
              </div>
            ))}
          </SummaryCard>
        </div>
        <DocumentsCard rows={d.documents} downloadHref={(documentId) => href("/register/:childId/documents/:documentId", { childId: d.id, documentId })} addHref={d.canEdit && !d.anonymised ? href("/register/:childId/documents/new", { childId: d.id }) : null} />
        {d.placements.length > 0 || (d.canPlace && !d.left) ? (
          <SummaryCard title="Placements" actions={d.canPlace && !d.left ? [{ href: href("/register/:childId/placements/new", { childId: d.id }), text: "Place with a provider" }] : []}>
            {d.placements.length === 0 ? <p className="govuk-body">No placements.</p> : null}
            {d.placements.map((p) => (
              <PlacementBlock key={p.id} placement={p} canChange={d.canPlace} />
            ))}
          </SummaryCard>
        ) : null}
        {d.consentRequests.length > 0 ? (
          <SummaryList
            card={{ title: "Home-education requests" }}
            rows={d.consentRequests.map((r) => ({
              key: `Raised ${r.raised}: the ${r.decider}`,
              value: (
                <a className="govuk-link" href={href("/consent-requests/:requestId", { requestId: r.id })}>
                  {r.status === "pending"
                    ? `Waiting for a decision, decide by ${r.decideBy}`
                    : r.status === "agreed"
                      ? `Agreed${r.reviewDate ? `, review by ${r.reviewDate}` : ""}`
                      : "Refused"}
                </a>
              ),
            }))}
          />
        ) : null}
        {SECTIONS.map((section) => (
          <SummaryList
            key={section.heading}
            card={{ title: section.heading }}
            rows={section.fields.flatMap((field) => {
              const row = d.view[field]!;
              return row.applies === false ? [] : [{ key: row.label, value: row.value ?? "Not given" }];
            })}
          />
        ))}
        <SummaryList
          card={{ title: "Where each item came from" }}
          rows={d.sourcedItems.map((item) => ({
            key: `${item.label}${item.who ? `: ${item.who}` : ""}${item.required ? "" : " (optional item)"}`,
            value: item.source ? v.INFORMATION_SOURCE_LABELS[item.source] : "Not recorded",
          }))}
        />
        <h2 className="govuk-heading-m">History</h2>
        <ol className="govuk-list app-timeline">
          {d.history.map((h) => (
            <li key={h.id} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{h.summary}</h3>
              <p className="govuk-body-s govuk-!-margin-bottom-2">
                {timeFormat.format(new Date(h.when))} by {h.who}
              </p>
              {h.changes.length > 0 ? (
                <ul className="govuk-list govuk-body-s">
                  {h.changes.map((c) => (
                    <li key={c.field}>
                      <strong>{c.label}</strong>: {c.from ?? "not given"} <span aria-hidden="true">→</span>
                      <span className="govuk-visually-hidden">changed to</span> {c.to ?? "not given"}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
        {d.auditTrail ? <ChildAuditTrail lines={d.auditTrail} /> : null}
        <p className="app-print-only govuk-body govuk-!-font-weight-bold">OFFICIAL-SENSITIVE</p>
      </div>
    </div>
  );
}
