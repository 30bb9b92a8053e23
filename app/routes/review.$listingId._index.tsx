import { href } from "react-router";
import type { Route } from "./+types/review.$listingId._index";
import { ApplicationAnswers } from "#app/components/directory/ApplicationAnswers";
import { ListingStateTag } from "#app/components/directory/ListingStateTag";
import { BackLink, Button, ButtonGroup, InsetText, NotificationBanner, SummaryList, Table, WarningText } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { reviewerScope } from "#app/data/directory-scope.server";
import { reviewListing } from "#app/data/review.server";
import { DocumentsCard } from "#app/components/casework/DocumentsCard";
import { applicationDocumentsForReview } from "#app/data/documents.server";
import { formatDate, londonDate } from "#app/domain/dates";
import { daysLeftText } from "#app/domain/review-summary";
import { LISTING_ACTION_LABELS, LISTING_STATE_LABELS, type ListingAction } from "#app/domain/listing-lifecycle";
import { SECTION_TITLES, type SectionId } from "#app/forms/application";
import { ACTION_DECISION, DECISION_BUTTONS } from "#app/forms/review-decisions";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/review.$listingId._index").loader(async ({ user, params, actor, request }) => {
  const today = londonDate(new Date());
  const view = await reviewListing(reviewerScope(user), params.listingId ?? "", actor, today);
  return {
    ...view,
    documents: await applicationDocumentsForReview(reviewerScope(user), view.listing.id),
    decided: new URL(request.url).searchParams.get("decided"),
  };
});

const EXTRA_HISTORY_LABELS: Record<string, string> = { approve_change_request: "Changes approved", reject_change_request: "Changes rejected" };

export default function ReviewListing({ loaderData: d }: Route.ComponentProps) {
  const l = d.listing;
  const listed = d.sites.filter((s) => s.kind === "listed");
  const proposed = d.sites.filter((s) => s.kind === "proposed");
  const destructive = new Set<ListingAction>(["refuse", "suspend", "revoke"]);
  return (
    <>
      <PageTitle title={d.organisationName} />
      <BackLink href={href("/review")}>Back to the review queue</BackLink>
      {d.decided ? (
        <NotificationBanner type="success" heading={`Decision recorded: ${LISTING_STATE_LABELS[l.state].toLowerCase()}`} />
      ) : null}
      <span className="govuk-caption-l">Listing</span>
      <h1 className="govuk-heading-l">{d.organisationName}</h1>
      <SummaryList
        rows={[
          { key: "State", value: <ListingStateTag state={l.state} /> },
          ...(d.summary.daysWaiting !== null
            ? [{ key: "Waiting", value: `${d.summary.daysWaiting} ${d.summary.daysWaiting === 1 ? "day" : "days"}` }]
            : []),
          ...(l.submittedAt ? [{ key: "Submitted", value: formatDate(londonDate(new Date(l.submittedAt))) }] : []),
          ...(l.listedSince ? [{ key: "Listed since", value: formatDate(l.listedSince) }] : []),
          ...(l.listedUntil ? [{ key: "Listed until", value: formatDate(l.listedUntil) }] : []),
          ...(l.conditions ? [{ key: "Conditions", value: l.conditions }] : []),
          ...(l.renewalRequestedAt ? [{ key: "Renewal", value: `Applied to renew on ${formatDate(londonDate(new Date(l.renewalRequestedAt)))}` }] : []),
          ...(d.summary.changesRequestedIn.length > 0
            ? [{ key: "Changes you asked for", value: d.summary.changesRequestedIn.map((section) => SECTION_TITLES[section]).join(", ") }]
            : []),
        ]}
      />
      {d.ownOrganisation ? <WarningText>This is your own organisation's listing. Another reviewer must make any decision on it.</WarningText> : null}
      {d.progress.threshold?.mustRegister ? <WarningText>{`The provider's answers show it must register as a school: ${d.progress.threshold.reasons.join("; ")}.`}</WarningText> : null}
      {d.summary.lapsing.length > 0 ? (
        <Table
          caption="Dates that lapse soon or before the listing would end"
          captionSize="s"
          head={[{ text: "What" }, { text: "Date" }, { text: "When" }]}
          rows={d.summary.lapsing.map((item) => ({
            cells: [{ text: item.what }, { text: formatDate(item.date) }, { text: daysLeftText(item.daysLeft) }],
          }))}
        />
      ) : null}
      {d.changeRequest ? (
        <InsetText>
          The provider has proposed changes to its listing.{" "}
          <a className="govuk-link" href={href("/review/:listingId/change-request", { listingId: l.id })}>
            Review the change request
          </a>
          .
        </InsetText>
      ) : null}
      {d.actions.length > 0 ? (
        <p className="govuk-body">
          <a className="govuk-link" href="#decision">
            Skip to the decision
          </a>
        </p>
      ) : null}

      <h2 className="govuk-heading-m">Sites</h2>
      {listed.length > 0 ? (
        <Table
          caption="Listed sites"
          captionSize="s"
          head={[{ text: "Site" }, { text: "Address" }, { text: "Local authority" }, { text: "Capacity", format: "numeric" }]}
          rows={listed.map((s) => ({ cells: [{ text: s.name }, { text: [s.addressLine1, s.addressLine2, s.town, s.postcode].filter(Boolean).join(", ") }, { text: s.laName }, { text: String(s.capacity), format: "numeric" }] }))}
        />
      ) : null}
      {proposed.length > 0 ? (
        <Table
          caption={listed.length > 0 ? "Proposed sites" : "Sites applied for"}
          captionSize="s"
          head={[{ text: "Site" }, { text: "Address" }, { text: "Local authority" }, { text: "Capacity", format: "numeric" }]}
          rows={proposed.map((s) => ({ cells: [{ text: s.name }, { text: [s.addressLine1, s.addressLine2, s.town, s.postcode].filter(Boolean).join(", ") }, { text: s.laName }, { text: String(s.capacity), format: "numeric" }] }))}
        />
      ) : null}

      <h2 className="govuk-heading-m">Application</h2>
      <ApplicationAnswers sections={d.progress.sections} laNames={d.laNames} />
      <DocumentsCard title="Supporting documents" rows={d.documents} downloadHref={(documentId) => href("/review/:listingId/documents/:documentId", { listingId: l.id, documentId })} emptyText="The provider has added no documents." />

      <h2 className="govuk-heading-m">History</h2>
      <Table
        caption="What happened to this listing, newest first"
        captionSize="s"
        head={[{ text: "Date" }, { text: "What happened" }, { text: "By" }, { text: "Reason or comments" }]}
        rows={d.history.map((h) => ({
          cells: [
            { text: formatDate(londonDate(new Date(h.occurredAt))) },
            { text: LISTING_ACTION_LABELS[h.action as ListingAction] ?? EXTRA_HISTORY_LABELS[h.action] ?? h.action },
            { text: h.actorName ?? "The service" },
            {
              text: (
                <>
                  {h.reason}
                  {d.comments
                    .filter((c) => c.historyId === h.id)
                    .map((c) => (
                      <span key={c.section} className="govuk-!-display-block">
                        {SECTION_TITLES[c.section as SectionId]}: {c.comment}
                      </span>
                    ))}
                </>
              ),
            },
          ],
        }))}
      />

      {d.actions.length > 0 ? (
        <>
          <h2 className="govuk-heading-m" id="decision">
            Decision
          </h2>
          <ButtonGroup>
            {d.actions.map((action) => {
              const decision = ACTION_DECISION[action];
              return decision ? (
                <Button key={action} href={href("/review/:listingId/:decision", { listingId: l.id, decision })} variant={destructive.has(action) ? "warning" : action === "approve" || action === "renew" ? undefined : "secondary"}>
                  {DECISION_BUTTONS[decision]}
                </Button>
              ) : null;
            })}
          </ButtonGroup>
        </>
      ) : null}
    </>
  );
}
