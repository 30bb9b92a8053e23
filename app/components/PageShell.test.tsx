import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageShell } from "./PageShell";

describe("PageShell", () => {
  it("frames a page: title, back link, caption and heading in a two-thirds column", () => {
    const out = renderToStaticMarkup(
      <PageShell title="Choose a provider for Ada" heading="Choose a provider" caption="Ada Lovelace" backLink={{ href: "/register/1", text: "Back to the entry" }}>
        <p className="govuk-body">Text</p>
      </PageShell>,
    );
    // React puts <title> first (it hoists it into the document's head).
    expect(out).toBe(
      "<title>Choose a provider for Ada - Children not in school - GOV.UK</title>" +
        '<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">' +
        '<a href="/register/1" class="govuk-back-link">Back to the entry</a>' +
        '<span class="govuk-caption-l">Ada Lovelace</span>' +
        '<h1 class="govuk-heading-l">Choose a provider</h1>' +
        '<p class="govuk-body">Text</p></div></div>',
    );
  });

  it("uses the title as the heading unless told otherwise, and spans the page when asked", () => {
    expect(renderToStaticMarkup(<PageShell title="Placements" width="full" />)).toBe('<title>Placements - Children not in school - GOV.UK</title><h1 class="govuk-heading-l">Placements</h1>');
  });

  it("leaves the title to a form inside when given only a heading", () => {
    const out = renderToStaticMarkup(<PageShell heading="Change the entry" backLink={{ href: "/x" }} />);
    expect(out).not.toContain("<title>");
    expect(out).toContain('<a href="/x" class="govuk-back-link">Back</a>');
    expect(out).toContain('<h1 class="govuk-heading-l">Change the entry</h1>');
  });
});
