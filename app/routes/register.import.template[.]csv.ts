import { templateCsv } from "#app/data/register-import.server";
import { guard } from "#app/utils/route-guard.server";

/** The import's template: every column an import reads, and no rows (decision 075). */
export const loader = guard("routes/register.import.template[.]csv").loader(async () => {
  return new Response(templateCsv(), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="register-import-template.csv"', "Cache-Control": "no-store" },
  });
});
