import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PhaseBanner } from "./index";

describe("PhaseBanner", () => {
  it("renders the GOV.UK phase banner with its tag and a feedback link", () => {
    const out = renderToStaticMarkup(<PhaseBanner phase="Beta" feedbackHref="/help#feedback" />);
    expect(out).toContain('<div class="govuk-phase-banner"><p class="govuk-phase-banner__content">');
    expect(out).toContain('<strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>');
    expect(out).toContain('<a class="govuk-link" href="/help#feedback">give your feedback</a>');
  });
});
