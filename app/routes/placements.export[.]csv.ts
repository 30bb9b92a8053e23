import { placementsShowOf } from "#app/data/placements-query";
import { exportPlacements } from "#app/data/placements-export.server";
import { placementScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { csvDownload } from "#app/utils/csv-response.server";
import { guard } from "#app/utils/route-guard.server";

/** The placements list as CSV: the list shown on the page, every page of it (decision 068). */
export const loader = guard("routes/placements.export[.]csv").loader(async ({ user, request, actor }) => {
  const show = placementsShowOf(new URL(request.url).searchParams);
  const today = londonDate(new Date());
  return csvDownload(await exportPlacements(placementScope(user), show, today, actor), `placements-${show}-${today}.csv`);
});
