import { bundleDownload, childBundle, parentBundle } from "#app/data/subject-access/bundle.server";
import { subjectAccessScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { notFound } from "#app/utils/refusals.server";
import { guard } from "#app/utils/route-guard.server";

/** The subject access bundle as a JSON file, redacted as chosen on the page (decision 053). */
export const loader = guard("routes/admin.subject-access[.]json").loader(async ({ user, request, actor }) => {
  const scope = subjectAccessScope(user);
  const params = new URL(request.url).searchParams;
  const redact = params.getAll("redact");
  const parent = params.get("parent");
  const bundle = parent ? await parentBundle(scope, parent, redact, "json", actor) : await childBundle(scope, params.get("child") ?? "", redact, "json", actor);
  if (!bundle) notFound();
  const name = `subject-access-${bundle.subject.kind === "child" ? bundle.subject.reference : "parent-or-carer"}-${londonDate(bundle.produced)}.json`;
  return new Response(`${JSON.stringify(bundleDownload(bundle), null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, "_")}"`, "Cache-Control": "no-store" },
  });
});
