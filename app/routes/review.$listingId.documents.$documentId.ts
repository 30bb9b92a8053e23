import { downloadResponse, reviewDocumentDownload } from "#app/data/documents.server";
import { reviewerScope } from "#app/data/directory-scope.server";
import { guard } from "#app/utils/route-guard.server";

/** A document on an application the reviewer may see, as an attachment; every download audited. */
export const loader = guard("routes/review.$listingId.documents.$documentId").loader(async ({ user, params, actor }) => {
  return downloadResponse(await reviewDocumentDownload(reviewerScope(user), params.listingId ?? "", params.documentId ?? "", actor));
});
