import { exportRegister } from "#app/data/register-export.server";
import { registerScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { searchTextError } from "#app/forms/fields";
import { parseRegisterSearch } from "#app/forms/register-search";
import { csvDownload } from "#app/utils/csv-response.server";
import { guard } from "#app/utils/route-guard.server";

/** The register list as CSV: the same search and filters as the page, every page of it (decision 068). */
export const loader = guard("routes/register.export[.]csv").loader(async ({ user, request, actor }) => {
  const params = new URL(request.url).searchParams;
  // The page shows the search box's problem; an export of everything instead would be a surprise.
  const qError = searchTextError(params.get("q"), "Search");
  if (qError) return new Response(`${qError}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { page: _page, ...search } = parseRegisterSearch(params);
  return csvDownload(await exportRegister(registerScope(user), search, actor), `register-${londonDate(new Date())}.csv`);
});
