import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const css = readFileSync(path.join(import.meta.dirname, "app.css"), "utf8");

/** Each top-level rule's selector, in order, or where a block was left open when the next began. */
function topLevelRules(source: string): { selectors: string[]; openAt: number | null; depthAtEnd: number } {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, (comment) => " ".repeat(comment.length));
  const selectors: string[] = [];
  let depth = 0;
  let start = 0;
  let openAt: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "{") {
      const selector = text.slice(start, i).trim();
      // Our sheet has no at-rules, so a block opened inside another means one was never closed.
      if (depth > 0 && openAt === null) openAt = text.slice(0, i).split("\n").length;
      if (depth === 0) selectors.push(selector);
      depth++;
      start = i + 1;
    } else if (ch === "}") {
      depth--;
      start = i + 1;
    } else if (ch === ";" && depth === 0) {
      start = i + 1;
    }
  }
  return { selectors, openAt, depthAtEnd: depth };
}

describe("app.css", () => {
  it("closes every rule before the next begins, so no rule after it is lost", () => {
    const { openAt, depthAtEnd } = topLevelRules(css);
    expect(openAt, "a rule opens inside an unclosed one at this line").toBeNull();
    expect(depthAtEnd).toBe(0);
  });

  it("has every class the pages use as a rule of its own", () => {
    const { selectors } = topLevelRules(css);
    for (const cls of [".app-pre-wrap", ".app-tag-list > li", ".app-code", ".app-link-button"]) expect(selectors).toContain(cls);
  });
});
