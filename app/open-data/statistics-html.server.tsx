import { renderToStaticMarkup } from "react-dom/server";
import { StatisticsBody } from "#app/components/statistics/StatisticsBody";
import { latestPublicView, latestSnapshotId } from "#app/data/statistics.server";

let cached: { id: number; html: string } | null = null;

/** The public page's body for the latest snapshot, rendered once per snapshot; null before the first. */
export async function latestPublicHtml(): Promise<string | null> {
  const id = await latestSnapshotId();
  if (id === null) return null;
  if (cached?.id === id) return cached.html;
  const view = await latestPublicView();
  if (!view) return null;
  cached = { id, html: renderToStaticMarkup(<StatisticsBody view={view} />) };
  return cached.html;
}
