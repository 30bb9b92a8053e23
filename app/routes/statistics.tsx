import type { Route } from "./+types/statistics";
import { PageTitle } from "#app/components/PageTitle";
import { latestPublicHtml } from "#app/open-data/statistics-html.server";
import { guard } from "#app/utils/route-guard.server";

const TITLE = "Children not in school: statistics";

/** Plain HTML and server-drawn SVG: nothing on this page needs JavaScript. */
export const handle = { hydrate: false };

// The figures change once a night, so their HTML is rendered once per snapshot, not per request.
export const loader = guard("routes/statistics").loader(async () => ({ html: await latestPublicHtml() }));

export default function Statistics({ loaderData: { html } }: Route.ComponentProps) {
  return (
    <>
      <PageTitle title={TITLE} />
      <h1 className="govuk-heading-l">{TITLE}</h1>
      {html === null ? (
        <p className="govuk-body">No statistics have been published yet. They are counted overnight from councils&apos; registers.</p>
      ) : (
        <div dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </>
  );
}
