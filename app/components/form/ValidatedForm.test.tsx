// @vitest-environment jsdom
import { act } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { CheckboxesField, DateField, RadiosField, SelectField, TextareaField, TextField } from "./fields";
import { ValidatedForm } from "./ValidatedForm";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const schema = z.object({
  name: z.string().min(1, "Enter a name"),
  notes: z.string().min(1, "Enter notes"),
  colour: z.enum(["red", "blue"], { error: "Choose a colour" }),
  size: z.enum(["s", "m", "l"], { error: "Choose a size" }),
  types: z.array(z.string()).min(1, "Choose a type"),
  born: z.object({ day: z.string().min(1, "Enter a day"), month: z.string(), year: z.string().min(4, "Enter a year") }),
});

function Page() {
  return (
    <ValidatedForm schema={schema} defaultValues={{ name: "", notes: "", colour: "", size: "", types: [], born: { day: "", month: "", year: "" } }} pageTitle="A form">
      <TextField name="name" label="Name" />
      <TextareaField name="notes" label="Notes" />
      <SelectField name="colour" label="Colour" options={[{ value: "", label: "Choose" }, { value: "red", label: "Red" }, { value: "blue", label: "Blue" }]} />
      <RadiosField name="size" legend="Size" items={[{ value: "s", label: "Small" }, { value: "m", label: "Medium", conditional: <p>Medium is fine</p> }, { value: "l", label: "Large" }]} />
      <CheckboxesField name="types" legend="Types" items={[{ value: "a", label: "A" }, { value: "b", label: "B" }]} />
      <DateField name="born" legend="Born" />
      <button type="submit">Continue</button>
    </ValidatedForm>
  );
}

let posted: FormData | undefined;
const Stub = createRoutesStub([
  {
    path: "/",
    Component: Page,
    action: async ({ request }) => {
      posted = await request.formData();
      return null;
    },
  },
]);

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
  posted = undefined;
});

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

/** The server's HTML, filled in by someone quick, then hydrated. */
async function serverRenderFillInAndHydrate() {
  const container = document.createElement("div");
  container.innerHTML = renderToString(<Stub />);
  document.body.append(container);
  $<HTMLInputElement>("#name").value = "Ada";
  $<HTMLTextAreaElement>("#notes").value = "Typed first";
  $<HTMLSelectElement>("#colour").value = "blue";
  $<HTMLInputElement>("#size-2").checked = true;
  $<HTMLInputElement>("#types-2").checked = true;
  $<HTMLInputElement>("#born").value = "3";
  $<HTMLInputElement>("#born-month").value = "4";
  $<HTMLInputElement>("#born-year").value = "2015";
  await act(async () => {
    root = hydrateRoot(container, <Stub />);
  });
}

describe("ValidatedForm before and after hydration", () => {
  it("keeps every kind of answer given before React hydrated the page", async () => {
    await serverRenderFillInAndHydrate();
    expect({
      name: $<HTMLInputElement>("#name").value,
      notes: $<HTMLTextAreaElement>("#notes").value,
      colour: $<HTMLSelectElement>("#colour").value,
      size: [...document.querySelectorAll<HTMLInputElement>('input[name="size"]')].filter((r) => r.checked).map((r) => r.value),
      types: [...document.querySelectorAll<HTMLInputElement>('input[name="types"]')].filter((c) => c.checked).map((c) => c.value),
      born: [$<HTMLInputElement>("#born").value, $<HTMLInputElement>("#born-month").value, $<HTMLInputElement>("#born-year").value],
    }).toEqual({ name: "Ada", notes: "Typed first", colour: "blue", size: ["m"], types: ["b"], born: ["3", "4", "2015"] });
    // The chosen radio's follow-up question is revealed, as if it had been chosen after hydration.
    expect($("#conditional-size-2").className).not.toContain("--hidden");
  });

  it("validates those answers in the browser as given, and posts them", async () => {
    await serverRenderFillInAndHydrate();
    await act(async () => {
      $<HTMLFormElement>("form").requestSubmit();
    });
    await expect.poll(() => posted).toBeDefined();
    expect(document.querySelector(".govuk-error-summary")).toBeNull();
    expect(Object.fromEntries(posted!.entries())).toMatchObject({ name: "Ada", notes: "Typed first", colour: "blue", size: "m", types: "b", "born.day": "3", "born.year": "2015" });
  });

  it("still starts from the defaults when nothing was typed", async () => {
    const container = document.createElement("div");
    container.innerHTML = renderToString(<Stub />);
    document.body.append(container);
    await act(async () => {
      root = hydrateRoot(container, <Stub />);
    });
    expect($<HTMLInputElement>("#name").value).toBe("");
    expect(document.querySelectorAll('input[name="size"]:checked')).toHaveLength(0);
    await act(async () => {
      $<HTMLFormElement>("form").requestSubmit();
    });
    expect($(".govuk-error-summary").textContent).toContain("Choose a size");
    expect(posted).toBeUndefined();
  });
});

describe("ValidatedForm with a file in it", () => {
  it("renders a multipart form and, validated in the browser, posts as multipart", async () => {
    const upload = z.object({ description: z.string().min(1, "Enter a description") });
    let contentType: string | null = null;
    const UploadStub = createRoutesStub([
      {
        path: "/",
        Component: () => (
          <ValidatedForm schema={upload} defaultValues={{ description: "" }} pageTitle="Upload" encType="multipart/form-data">
            <TextField name="description" label="Description" />
            <button type="submit">Add</button>
          </ValidatedForm>
        ),
        action: async ({ request }) => {
          contentType = request.headers.get("content-type");
          posted = await request.formData();
          return null;
        },
      },
    ]);
    const container = document.createElement("div");
    container.innerHTML = renderToString(<UploadStub />);
    document.body.append(container);
    // Without JavaScript the browser itself sends the form as multipart.
    expect($<HTMLFormElement>("form").getAttribute("enctype")).toBe("multipart/form-data");
    $<HTMLInputElement>("#description").value = "A letter";
    await act(async () => {
      root = hydrateRoot(container, <UploadStub />);
    });
    await act(async () => {
      $<HTMLFormElement>("form").requestSubmit();
    });
    await expect.poll(() => posted).toBeDefined();
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(posted!.get("description")).toBe("A letter");
  });
});
