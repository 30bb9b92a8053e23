import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const css = readFileSync(path.join(import.meta.dirname, "app.css"), "utf8");

/** Each top-level rule's selector, in order, or where a block was left open when the next began. */
function topLevelRules(source: string): { selectors: string[]; openAt: number | null; depthAtEnd: number } {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, (comment) => " ".repeat(comment.length));
  const selectors: string[] = [];
  // Open blocks, innermost last: true for an at-rule (@media), which may hold rules; a rule opened
  // inside a rule means the outer one was never closed.
  const open: boolean[] = [];
  let start = 0;
  let openAt: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "{") {
      const selector = text.slice(start, i).trim();
      const atRule = selector.startsWith("@");
      if (open.length > 0 && open[open.length - 1] === false && openAt === null) openAt = text.slice(0, i).split("\n").length;
      if (open.every(Boolean) && !atRule) selectors.push(selector);
      open.push(atRule);
      start = i + 1;
    } else if (ch === "}") {
      open.pop();
      start = i + 1;
    } else if (ch === ";" && open.every(Boolean)) {
      start = i + 1;
    }
  }
  return { selectors, openAt, depthAtEnd: open.length };
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
