import { problemsCsv } from "#app/data/register-import.server";
import { registerWriteScope } from "#app/data/scope.server";
import { csvDownload } from "#app/utils/csv-response.server";
import { notFound } from "#app/utils/refusals.server";
import { guard } from "#app/utils/route-guard.server";

/** Every problem of an import's rows (row, column, message), and after it ran the rows not imported, as CSV. */
export const loader = guard("routes/register.import.$importId_.problems[.]csv").loader(async ({ user, params, actor }) => {
  const body = (await problemsCsv(registerWriteScope(user), params.importId ?? "", actor)) ?? notFound();
  return csvDownload(body, "import-problems.csv");
});
