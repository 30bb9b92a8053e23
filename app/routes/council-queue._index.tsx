import { href } from "react-router";
import { PurposeStatement } from "#app/components/PurposeStatement";
import type { Route } from "./+types/council-queue._index";
import { Table, Tag } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";
import { countOpenQueueItems, listQueueItems } from "#app/data/council-queue.server";
import { registerWriteScope } from "#app/data/scope.server";
import { QUEUE_KIND_LABELS, QUEUE_KINDS, QUEUE_STATE_LABELS, dueStatus, type QueueKind } from "#app/domain/council-queue";
import { formatDate, londonDate } from "#app/domain/dates";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Items to decide";

export const loader = guard("routes/council-queue._index").loader(async ({ user, request, actor }) => {
  const scope = registerWriteScope(user);
  const url = new URL(request.url);
  const kindParam = url.searchParams.get("kind");
  const kind = (QUEUE_KINDS as readonly string[]).includes(kindParam ?? "") ? (kindParam as QueueKind) : undefined;
  const state = url.searchParams.get("state") === "all" ? "all" : "open";
  const today = londonDate(new Date());
  const [counts, items] = await Promise.all([countOpenQueueItems(scope, today), listQueueItems(scope, { kind, state }, actor)]);
  return { counts, items, kind: kind ?? null, state, today };
});

export default function CouncilQueue({ loaderData: d }: Route.ComponentProps) {
  const link = (kind: QueueKind | null, state = d.state) => `${href("/council-queue")}?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(state === "all" ? { state } : {}) })}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <PageTitle title={d.kind ? `${TITLE}: ${QUEUE_KIND_LABELS[d.kind]}` : TITLE} />
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <PurposeStatement routeId="routes/council-queue._index" />
        <nav aria-label="Kinds of item">
          <ul className="govuk-list">
            <li>{d.kind ? <a className="govuk-link" href={link(null)}>All kinds</a> : <strong>All kinds</strong>}</li>
            {d.counts.map((c) => (
              <li key={c.kind}>
                {d.kind === c.kind ? <strong>{QUEUE_KIND_LABELS[c.kind]}</strong> : <a className="govuk-link" href={link(c.kind)}>{QUEUE_KIND_LABELS[c.kind]}</a>}: {c.open} open
                {c.overdue > 0 ? `, ${c.overdue} overdue` : ""}
              </li>
            ))}
          </ul>
        </nav>
        <p className="govuk-body">
          {d.state === "open" ? <a className="govuk-link" href={link(d.kind, "all")}>Show decided items too</a> : <a className="govuk-link" href={link(d.kind, "open")}>Show only open items</a>}
        </p>
        {d.items.length === 0 ? (
          <p className="govuk-body">There is nothing {d.state === "open" ? "waiting for a decision" : "here"}.</p>
        ) : (
          <Table
            caption={d.state === "open" ? "Open items, due soonest first" : "Items, newest first"}
            head={[{ text: "Item" }, { text: "From" }, { text: "Arrived" }, { text: "Due" }, { text: "Status" }]}
            rows={d.items.map((item) => {
              const due = dueStatus(item.dueOn, d.today);
              return {
                cells: [
                  { text: <a className="govuk-link" href={href("/council-queue/:itemId", { itemId: item.id })}>{QUEUE_KIND_LABELS[item.kind]}</a> },
                  { text: item.fromLaName ?? (item.source === "school" ? "A school" : "The service") },
                  { text: formatDate(londonDate(new Date(item.createdAt))) },
                  { text: formatDate(item.dueOn) },
                  {
                    text:
                      item.state !== "new" ? QUEUE_STATE_LABELS[item.state] : due === "overdue" ? <Tag colour="red">Overdue</Tag> : due === "due_today" ? <Tag colour="yellow">Due today</Tag> : <Tag colour="blue">New</Tag>,
                  },
                ],
              };
            })}
          />
        )}
      </div>
    </div>
  );
}
