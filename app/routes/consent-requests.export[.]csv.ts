import { consentShowOf } from "#app/data/consent-query";
import { exportConsentRequests } from "#app/data/consent-export.server";
import { consentScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { csvDownload } from "#app/utils/csv-response.server";
import { guard } from "#app/utils/route-guard.server";

/** The consent requests list as CSV: the requests the page lists, all of them (decision 068). */
export const loader = guard("routes/consent-requests.export[.]csv").loader(async ({ user, request, actor }) => {
  const show = consentShowOf(new URL(request.url).searchParams);
  return csvDownload(await exportConsentRequests(consentScope(user), show, actor), `consent-requests-${show}-${londonDate(new Date())}.csv`);
});
