import { downloadResponse, ownApplicationDocumentDownload } from "#app/data/documents.server";
import { providerScope } from "#app/data/directory-scope.server";
import { guard } from "#app/utils/route-guard.server";

/** A document on the provider's own application, as an attachment; every download audited. */
export const loader = guard("routes/provider.documents.$documentId").loader(async ({ user, params, actor }) => {
  return downloadResponse(await ownApplicationDocumentDownload(providerScope(user), params.documentId ?? "", actor));
});
