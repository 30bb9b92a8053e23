// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, Fieldset, InsetText, Label, Panel, Select, SummaryCard, SummaryList, TextInput, WarningText } from "./index";

// Our components against GOV.UK Frontend's own fixtures: the HTML its Nunjucks macros render for
// each documented example, shipped in the package. Compared as trees (element, attributes, text
// with whitespace collapsed), so indentation and attribute order do not matter but every element,
// class and attribute does.

const components = path.join(path.dirname(createRequire(import.meta.url).resolve("govuk-frontend/package.json")), "dist", "govuk", "components");

function fixture(component: string, name: string): string {
  const { fixtures } = JSON.parse(readFileSync(path.join(components, component, "fixtures.json"), "utf8")) as { fixtures: { name: string; html: string }[] };
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`no GOV.UK fixture "${name}" for ${component}`);
  return found.html;
}

function tree(html: string): string {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
  body.normalize();
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? "").replace(/\s+/g, " ").trim();
    if (node.nodeType !== Node.ELEMENT_NODE) return "";
    const el = node as Element;
    const attrs = [...el.attributes]
      .map((a) => `${a.name}="${a.name === "class" ? a.value.split(/\s+/).filter(Boolean).sort().join(" ") : a.value}"`)
      .sort()
      .join(" ");
    const children = [...el.childNodes].map(walk).filter(Boolean).join("");
    return `<${el.tagName.toLowerCase()}${attrs ? ` ${attrs}` : ""}>${children}</${el.tagName.toLowerCase()}>`;
  };
  return [...body.childNodes].map(walk).filter(Boolean).join("");
}

const matches = (component: string, name: string, node: ReactElement) => expect(tree(renderToStaticMarkup(node))).toBe(tree(fixture(component, name)));

const NI_HINT = "It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’.";
const OPTIONS = [1, 2, 3].map((n) => ({ value: String(n), label: `GOV.UK frontend option ${n}` }));

describe("GOV.UK components render the Design System's markup", () => {
  it("warning text and inset text", () => {
    matches("warning-text", "default", <WarningText>You can be fined up to £5,000 if you don’t register.</WarningText>);
    matches("inset-text", "default", <InsetText>It can take up to 8 weeks to register a lasting power of attorney if there are no mistakes in the application.</InsetText>);
  });

  it("buttons: submit, named, valued, warning, link and start link", () => {
    matches("button", "default", <Button>Save and continue</Button>);
    matches("button", "name", <Button name="start-now">Submit</Button>);
    matches("button", "value", <Button value="start">Submit</Button>);
    matches("button", "warning", <Button name="Warning" variant="warning">Warning button</Button>);
    matches("button", "classes", <Button classes="app-button--custom-modifier">Submit</Button>);
    matches("button", "link", <Button href="/">Link button</Button>);
    matches("button", "start link", <Button href="/" variant="start">Start now link button</Button>);
  });

  it("fieldsets with extra classes or as the page heading, and the confirmation panel", () => {
    matches("fieldset", "classes", <Fieldset legend="Which option?" classes="app-fieldset--custom-modifier">{null}</Fieldset>);
    matches("fieldset", "with describedBy", <Fieldset legend="Which option?" describedBy="test-target-element">{null}</Fieldset>);
    matches("fieldset", "as page heading l", <Fieldset legend="What is your address?" legendIsPageHeading>{null}</Fieldset>);
    matches(
      "panel",
      "default",
      <Panel title="Application complete">
        Your reference number
        <br />
        <strong>HDJ2123F</strong>
      </Panel>,
    );
  });

  it("labels, sized and as the page heading", () => {
    matches("label", "for", <Label htmlFor="test-target-input">National Insurance number</Label>);
    matches("label", "as page heading l", <Label isPageHeading size="l">National Insurance number</Label>);
    matches("label", "as page heading s", <Label isPageHeading size="s">National Insurance number</Label>);
  });

  it("text inputs: hint and error, width, type, value, inputmode, autocomplete, spellcheck", () => {
    matches(
      "input",
      "with error and hint",
      <TextInput id="with-error-hint" name="with-error-hint" label="National insurance number" hint={NI_HINT} error="Enter a National Insurance number in the correct format" />,
    );
    matches("input", "with width-5 class", <TextInput id="input-width-5" name="test-width-5" label="National insurance number" hint={NI_HINT} width="5" />);
    matches("input", "custom type", <TextInput id="with-custom-type" name="with-custom-type" label="With custom type" type="number" />);
    matches("input", "value", <TextInput id="with-value" name="with-value" label="With value" defaultValue="QQ 12 34 56 C" />);
    matches("input", "inputmode", <TextInput id="with-inputmode" name="with-inputmode" label="With inputmode" inputMode="decimal" />);
    matches("input", "with autocomplete attribute", <TextInput id="input-with-autocomplete-attribute" name="postcode" label="Postcode" autoComplete="postal-code" />);
    matches("input", "with spellcheck disabled", <TextInput id="input-with-spellcheck-disabled" name="spellcheck" label="Spellcheck is disabled" spellCheck={false} />);
  });

  it("selects: hint and error, chosen value, full width", () => {
    matches("select", "with hint text and error message", <Select id="select-2" name="select-2" label="Label text goes here" hint="Hint text goes here" error="Error message goes here" options={OPTIONS} />);
    const disabledThird = OPTIONS.map((o) => ({ ...o, disabled: o.value === "3" }));
    matches("select", "with selected value", <Select id="select-1" name="select-1" label="Label text goes here" defaultValue="2" options={disabledThird} />);
    matches("select", "with full width override", <Select id="select-1" name="select-1" label="Label text goes here" defaultValue="2" width="full" options={disabledThird} />);
  });

  it("summary lists with row actions, and summary cards with their own actions", () => {
    const person = [
      { key: "Name", value: "Firstname Lastname" },
      { key: "Date of birth", value: "13/08/1980" },
    ];
    matches(
      "summary-list",
      "as a summary card with actions",
      <SummaryList
        card={{
          title: "Undergraduate teaching assistant",
          actions: [
            { href: "#", text: "Delete job history" },
            { href: "#", text: "Withdraw job history" },
          ],
        }}
        rows={person}
      />,
    );
    matches(
      "summary-list",
      "as a summary card with actions plus summary list actions",
      <SummaryList
        card={{
          title: "Undergraduate teaching assistant",
          actions: [
            { href: "#", text: "Delete job history" },
            { href: "#", text: "Withdraw job history" },
          ],
        }}
        rows={[
          {
            ...person[0]!,
            actions: [
              { href: "#", text: "Edit", visuallyHiddenText: "name" },
              { href: "#", text: "Delete", visuallyHiddenText: "name" },
            ],
          },
          { ...person[1]!, actions: [{ href: "#", text: "Change", visuallyHiddenText: "date of birth" }] },
        ]}
      />,
    );
  });

  it("a summary card with one action shows it without a list, its hidden text naming the card", () => {
    const out = renderToStaticMarkup(
      <SummaryCard title="Placements" actions={[{ href: "/p", text: "Place with a provider" }]}>
        <p className="govuk-body">No placements.</p>
      </SummaryCard>,
    );
    expect(out).toContain('<div class="govuk-summary-card__actions"><a class="govuk-link" href="/p">Place with a provider<span class="govuk-visually-hidden"> (Placements)</span></a></div>');
    expect(out).toContain('<div class="govuk-summary-card__content"><p class="govuk-body">No placements.</p></div>');
    expect(renderToStaticMarkup(<SummaryCard title="Placements">x</SummaryCard>)).not.toContain("govuk-summary-card__actions");
  });
});
