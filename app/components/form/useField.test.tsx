// @vitest-environment jsdom
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { RefusedSubmission } from "#app/forms/submission";
import { useField } from "./useField";
import { ValidatedForm } from "./ValidatedForm";

const schema = z.object({ address: z.object({ postcode: z.string() }), born: z.object({ day: z.string() }), count: z.number() });

function Probe({ name, part }: { name: string; part?: string }) {
  const field = useField(name);
  const registered = field.register(part);
  return <output data-name={name}>{JSON.stringify({ id: field.id, error: field.error ?? null, value: field.value ?? null, defaultValue: field.defaultValue ?? null, registers: registered.name })}</output>;
}

function render(refused?: RefusedSubmission) {
  const Stub = createRoutesStub([
    {
      path: "/",
      Component: () => (
        <ValidatedForm schema={schema} defaultValues={{ address: { postcode: "NW1 1AA" }, born: { day: "" }, count: 3 }} refused={refused} pageTitle="Probe">
          <Probe name="address.postcode" />
          <Probe name="born" part="day" />
          <Probe name="count" />
          <Probe name="form" />
        </ValidatedForm>
      ),
    },
  ]);
  const container = document.createElement("div");
  container.innerHTML = renderToString(<Stub />);
  const read = (name: string) => JSON.parse(container.querySelector(`output[data-name="${name}"]`)!.textContent!) as Record<string, unknown>;
  return { read };
}

describe("useField", () => {
  it("starts a field with its default, found by dotted name, and registers it under that name", () => {
    const { read } = render();
    expect(read("address.postcode")).toEqual({ id: "address.postcode", error: null, value: "NW1 1AA", defaultValue: "NW1 1AA", registers: "address.postcode" });
    expect(read("count")).toMatchObject({ value: 3, defaultValue: "3" });
  });

  it("registers one part of a field (a date's day box) under the part's own name", () => {
    expect(render().read("born")).toMatchObject({ registers: "born.day", value: { day: "" }, defaultValue: null });
  });

  it("shows the server's error beside the field and keeps the answer it refused", () => {
    const { read } = render({ errors: { "address.postcode": "Enter a real postcode" }, values: { address: { postcode: "ZZ9" }, born: { day: "" } } });
    expect(read("address.postcode")).toMatchObject({ error: "Enter a real postcode", value: "ZZ9", defaultValue: "ZZ9" });
    expect(read("count")).toMatchObject({ error: null, value: null });
  });

  it("links the form's own error to the main content, not to a field", () => {
    const { read } = render({ errors: {}, values: {}, formError: "Someone else saved first" });
    expect(read("form")).toMatchObject({ id: "main-content", error: "Someone else saved first" });
  });
});
