import { councilFigures } from "#app/data/council-figures.server";
import { laScope } from "#app/data/scope.server";
import { notFound } from "#app/utils/refusals.server";
import { termlyReturnCsv } from "#app/domain/termly-return";
import { recordEvent } from "#app/data/audit-events.server";
import { guard } from "#app/utils/route-guard.server";

/** The council's termly return for a census day of the latest snapshot, as CSV (council admins). */
export const loader = guard("routes/council-figures.return").loader(async ({ user, request, audit }) => {
  const scope = laScope(user);
  const date = new URL(request.url).searchParams.get("day");
  const figures = await councilFigures(scope);
  const index = figures?.days.findIndex((d) => d.kind === "census" && d.date === date) ?? -1;
  if (!figures || index < 0) notFound();
  const day = figures.days[index]!;
  await recordEvent(audit, { action: "statistics.termly_return_downloaded", subjectType: "organisation", subjectId: scope.laId, details: { censusDay: day.date } });
  const csv = termlyReturnCsv({ laCode: figures.laCode, name: figures.councilName }, day, figures.own[index]!);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ehe-cme-return-${day.date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
