import { href } from "react-router";
import type { Route } from "./+types/register.$childId._index";
import { BackLink, Button, ButtonGroup, NotificationBanner, SummaryCard, SummaryList, Tag, WarningText } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { consentRequestsOfChild } from "#app/data/consent.server";
import { placementView } from "#app/components/placements/placement-view";
import { placementsOfChild } from "#app/data/placements.server";
import { viewEntry } from "#app/data/entry-read.server";
import { registerScope } from "#app/data/scope.server";
import { ChildAuditTrail } from "#app/components/register/ChildAuditTrail";
import { childAuditLines } from "#app/data/la-audit-log.server";
import { schoolAgeStatus } from "#app/domain/compulsory-school-age";
import { formatDate, londonDate } from "#app/domain/dates";
import * as v from "#app/domain/register-vocabulary";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/register.$childId._index").loader(async ({ user, params, request, actor, can }) => {
  const scope = registerScope(user);
  const entry = await viewEntry(scope, params.childId ?? "", actor);
  const [requests, placements] = await Promise.all([consentRequestsOfChild(scope, entry.id), placementsOfChild(scope, entry.id)]);
  // The LA's officers see who has viewed or changed the entry; an allocated social worker does not.
  const auditTrail = scope.kind === "la" ? await childAuditLines(scope.la, entry.id) : null;
  const homeEducation = new URL(request.url).searchParams.get("homeEducation");
  const today = londonDate(new Date());
  const age = schoolAgeStatus(entry.dateOfBirth, today);
  return {
    id: entry.id,
    name: `${entry.firstName} ${entry.lastName}`,
    childReference: entry.childReference,
    view: entry.view,
    left: entry.dateLeft ? { date: formatDate(entry.dateLeft), reason: entry.reasonLeft ? v.REASON_LEFT_LABELS[entry.reasonLeft] : "" } : null,
    alsoRegisteredBy: entry.alsoRegisteredBy,
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
    consentRequests: requests.map((r) => ({ id: r.id, status: r.status, raised: formatDate(londonDate(r.raisedAt)), reviewDate: r.reviewDate ? formatDate(r.reviewDate) : null })),
    homeEducation,
    attendanceOrderRouteSince: entry.attendanceOrderRouteSince ? formatDate(entry.attendanceOrderRouteSince) : null,
    homeEducated: entry.educationStatus === "elective_home_education",
    missingNamedSchool: entry.socialCareStatus === "child_in_need_plan" && !entry.namedSchool,
    auditTrail,
    history: entry.history,
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
  { heading: "Needs and social care", fields: ["senStatus", "socialCareStatus", "allocatedSocialWorker", "atRiskOfHarmFromHome", "laArrangedSpecialSchoolPlace", "namedSchool"] },
  { heading: "The entry", fields: ["dateEntered", "sources"] },
];

export default function ChildPage({ loaderData: d }: Route.ComponentProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={d.name} />
        <BackLink href={d.canEdit ? href("/register") : href("/my-children")}>Back</BackLink>
        {d.created ? <NotificationBanner type="success" heading={`${d.name} has been added to the register`} /> : null}
        {d.saved ? <NotificationBanner type="success" heading="Your changes have been saved" /> : null}
        {d.placed ? <NotificationBanner type="success" heading="The placement has been made" /> : null}
        {d.reviewed ? <NotificationBanner type="success" heading="The placement was reviewed and continues" /> : null}
        {d.homeEducation === "recorded" ? <NotificationBanner type="success" heading="Home education has been recorded" /> : null}
        {d.homeEducation === "consent_requested" ? (
          <NotificationBanner type="success" heading="The request has been sent to the child's social worker">
            <p className="govuk-body">The child&apos;s education status will change only if the social worker agrees.</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">Child reference {d.childReference}</span>
        <h1 className="govuk-heading-l">{d.name}</h1>
        {d.left ? (
          <p className="govuk-body">
            <Tag colour="grey">Left the register</Tag> on {d.left.date}: {d.left.reason.toLowerCase()}
          </p>
        ) : null}
        {d.alsoRegisteredBy.length > 0 ? (
          <NotificationBanner title="Also registered elsewhere">
            <p className="govuk-body">Also registered by {d.alsoRegisteredBy.join(", ")}. Contact them to agree which council holds the child&apos;s record.</p>
          </NotificationBanner>
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
              key: `Raised ${r.raised}`,
              value: (
                <a className="govuk-link" href={href("/consent-requests/:requestId", { requestId: r.id })}>
                  {r.status === "pending" ? "Waiting for a decision" : r.status === "agreed" ? `Agreed${r.reviewDate ? `, review by ${r.reviewDate}` : ""}` : "Refused"}
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
      </div>
    </div>
  );
}
