import { childDocumentDownload, downloadResponse } from "#app/data/documents.server";
import { registerScope } from "#app/data/scope.server";
import { guard } from "#app/utils/route-guard.server";

/** A document on a child's entry, as an attachment; every download audited. */
export const loader = guard("routes/register.$childId.documents.$documentId").loader(async ({ user, params, actor }) => {
  return downloadResponse(await childDocumentDownload(registerScope(user), params.childId ?? "", params.documentId ?? "", actor));
});
