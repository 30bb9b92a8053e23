import { describe, expect, it } from "vitest";
import { PURPOSE_STATEMENTS, PURPOSES, purposeSentence, roleUses, type PageUse } from "./register-purposes";

describe("a page's statement of purpose", () => {
  it("names one purpose, or lists several with 'and' before the last", () => {
    expect(purposeSentence(["consent"])).toBe(`The council uses the information on this page only for ${PURPOSE_STATEMENTS.consent}.`);
    expect(purposeSentence(["consent", "safeguarding"])).toBe(`The council uses the information on this page only for ${PURPOSE_STATEMENTS.consent}; and ${PURPOSE_STATEMENTS.safeguarding}.`);
  });

  it("states every purpose with its basis, each differently", () => {
    expect(new Set(PURPOSES.map((p) => PURPOSE_STATEMENTS[p])).size).toBe(PURPOSES.length);
  });
});

describe("which holders use which items", () => {
  const entry: PageUse = { purposes: ["register"], items: ["identity", "parents"] };
  const consent: PageUse = { purposes: ["consent"], items: ["identity", "social_care"] };
  const pages = [
    { access: { kind: "permission", permission: "read:child:own-la" } as const, use: entry },
    { access: { kind: "any-permission", permissions: ["decide:consent:allocated", "decide:consent-statutory:own-la"] } as const, use: consent },
    { access: { kind: "public" } as const, use: { purposes: ["statistics"], items: ["counts"] } as PageUse },
  ];

  it("joins the items and purposes of every page a holder may open, in the lists' order", () => {
    expect(roleUses([{ name: "Both", permissions: ["decide:consent:allocated", "read:child:own-la"] }], pages)).toEqual([
      { name: "Both", items: ["identity", "parents", "social_care"], purposes: ["register", "consent"] },
    ]);
  });

  it("counts a grant's pages for its holders, never a public page's, and leaves out a holder who opens none", () => {
    expect(roleUses([{ name: "Decision-maker", permissions: ["decide:consent-statutory:own-la"] }], pages)).toEqual([{ name: "Decision-maker", items: ["identity", "social_care"], purposes: ["consent"] }]);
    expect(roleUses([{ name: "Reviewer", permissions: ["review:listing:area"] }], pages)).toEqual([]);
  });
});
