import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BlockWarningText, Button, Checkboxes, DateInput, ErrorSummary, paginationItems, Radios, SearchForm, SummaryList, Tag, TaskList, TextInput } from "./index";

const html = (node: React.ReactElement) => renderToStaticMarkup(node);

describe("GOV.UK components", () => {
  it("wires a text input's hint and error to it, and marks the group", () => {
    const out = html(<TextInput id="upn" name="upn" label="UPN" hint="13 characters" error="UPN must be 13 characters" defaultValue="H80" />);
    expect(out).toContain('class="govuk-form-group govuk-form-group--error"');
    expect(out).toContain('aria-describedby="upn-hint upn-error"');
    expect(out).toContain('<p id="upn-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> UPN must be 13 characters</p>');
    expect(out).toContain('class="govuk-input govuk-input--error"');
    expect(out).toContain('value="H80"');
  });

  it("numbers radio and checkbox ids the GOV.UK way, so error links land on the first", () => {
    const out = html(<Radios name="status" legend="Status" items={[{ value: "a", label: "A" }, { divider: "or" }, { value: "b", label: "B" }, { value: "c", label: "C" }]} defaultValue="b" />);
    expect(out).toContain('id="status"');
    expect(out).toContain('id="status-2"');
    expect(out).toContain('id="status-3"');
    expect(out).toMatch(/id="status-2"[^>]*checked|checked=""[^>]*id="status-2"/);
    const boxes = html(<Checkboxes name="types" legend="Types" items={[{ value: "x", label: "X", conditional: <p>more</p> }]} defaultValues={[]} />);
    expect(boxes).toContain("govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden");
  });

  it("gives a date input's day box the field's own id", () => {
    const out = html(<DateInput id="dateOfBirth" namePrefix="dateOfBirth" legend="Date of birth" error="Enter date of birth" values={{ day: "1" }} />);
    expect(out).toMatch(/id="dateOfBirth" [^>]*name="dateOfBirth.day"/);
    expect(out).toMatch(/id="dateOfBirth-month" [^>]*name="dateOfBirth.month"/);
    expect(out).toMatch(/id="dateOfBirth-year" [^>]*name="dateOfBirth.year"/);
    expect(out).toContain('aria-describedby="dateOfBirth-error"');
  });

  it("renders the error summary only when there are errors", () => {
    expect(html(<ErrorSummary errors={[]} />)).toBe("");
    const out = html(<ErrorSummary errors={[{ href: "#upn", text: "UPN invalid" }]} />);
    expect(out).toContain('<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>');
    expect(out).toContain('<a href="#upn">UPN invalid</a>');
  });

  it("says what each Change action changes, for screen reader users", () => {
    const out = html(<SummaryList rows={[{ key: "Name", value: "Ada", actions: [{ href: "/x", text: "Change", visuallyHiddenText: "name" }] }]} />);
    expect(out).toContain('Change<span class="govuk-visually-hidden"> name</span>');
  });

  it("shows task statuses, with cannot-start tasks unlinked", () => {
    const out = html(
      <TaskList
        items={[
          { title: "Organisation", href: "/o", status: { text: "Completed" } },
          { title: "Declaration", status: { text: "Cannot start yet" } },
        ]}
      />,
    );
    expect(out).toContain('aria-describedby="task-list-1-status"');
    expect(out).toContain("govuk-task-list__status--cannot-start-yet");
  });

  it("makes a start button a link with the arrow, and tags with colours", () => {
    expect(html(<Button href="/sign-in" variant="start">Start</Button>)).toContain('class="govuk-button govuk-button--start"');
    expect(html(<Tag colour="red">Overdue</Tag>)).toBe('<strong class="govuk-tag govuk-tag--red">Overdue</strong>');
  });

  it("paginates with first, last, neighbours and ellipses", () => {
    const items = paginationItems(5, 10, (n) => `/p/${n}`);
    expect(items.map((i) => ("ellipsis" in i ? "…" : i.number))).toEqual([1, "…", 4, 5, 6, "…", 10]);
    expect(paginationItems(1, 1, String)).toEqual([{ number: 1, href: "1", current: true }]);
  });

  it("puts a search form's fields in a named search landmark, then its secondary button", () => {
    const out = html(
      <SearchForm label="Search the register" action="/register">
        <TextInput id="q" name="q" label="Search" type="search" labelSize="s" />
      </SearchForm>,
    );
    expect(out).toMatch(/^<form role="search" aria-label="Search the register" action="\/register" method="get"><div class="govuk-form-group">/);
    expect(out).toContain('<label class="govuk-label govuk-label--s" for="q">Search</label>');
    expect(out).toMatch(/<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Search<\/button><\/form>$/);
  });

  it("gives block warning text the warning's icon and hidden prefix, with a bold heading over its paragraphs", () => {
    const out = html(
      <BlockWarningText heading="You cannot apply">
        <ul className="govuk-list">
          <li>Five children</li>
        </ul>
      </BlockWarningText>,
    );
    expect(out).toBe(
      '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><div class="govuk-warning-text__text">' +
        '<span class="govuk-visually-hidden">Warning</span><p class="govuk-body govuk-!-font-weight-bold">You cannot apply</p>' +
        '<ul class="govuk-list"><li>Five children</li></ul></div></div>',
    );
  });
});
