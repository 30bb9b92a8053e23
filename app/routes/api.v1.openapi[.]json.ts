import { openApiDocument } from "#app/open-data/openapi";
import { guard } from "#app/utils/route-guard.server";

export const loader = guard("routes/api.v1.openapi[.]json").loader(({ request }) =>
  Response.json(openApiDocument(new URL(request.url).origin), { headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" } }),
);
