import { describe, expect, it } from "vitest";
import { contactSchema } from "./application";

const issues = (answers: Record<string, unknown>) => {
  const result = contactSchema().safeParse(answers);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("the application's public contact", () => {
  it("needs at least one way to contact the provider, the message on the first field", () => {
    expect(issues({ contactEmail: "", contactPhone: " ", contactWebsite: "" })).toEqual([
      ["contactEmail", "Enter at least one way for the public to contact you: an email address, a phone number or a website"],
    ]);
  });

  it("takes any one of them, the others left blank", () => {
    expect(contactSchema().parse({ contactEmail: "Hello@Example.org", contactPhone: "", contactWebsite: "" })).toEqual({ contactEmail: "hello@example.org", contactPhone: undefined, contactWebsite: undefined });
    expect(contactSchema().parse({ contactPhone: "0113 496 0000" })).toMatchObject({ contactPhone: "0113 496 0000" });
    expect(contactSchema().parse({ contactWebsite: "example.org" })).toMatchObject({ contactWebsite: "https://example.org/" });
  });

  it("checks each one given, every problem at once and none about needing one", () => {
    expect(issues({ contactEmail: "not an email", contactPhone: "12345", contactWebsite: "javascript:alert(1)" })).toEqual([
      ["contactEmail", "Enter an email address for the public in the correct format, like name@example.com"],
      ["contactPhone", "Enter a UK phone number, like 020 7946 0000 or 07700 900 982"],
      ["contactWebsite", "Enter a website address, like https://www.example.org"],
    ]);
  });

  it("bounds each answer's length", () => {
    expect(issues({ contactWebsite: `https://example.org/${"a".repeat(200)}` })).toEqual([["contactWebsite", "The website address must be 200 characters or fewer"]]);
  });
});
