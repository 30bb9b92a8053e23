import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// postgres.js 3.4.9 kills the process when a connection ends mid-query; patches/postgres+3.4.9.patch
// fixes it and `postinstall` applies it (decision 009). An install that skipped scripts
// (`npm ci --ignore-scripts`) would run unpatched: this fails then.
const read = (path: string) => readFileSync(new URL(`../node_modules/postgres/${path}`, import.meta.url), "utf8");

describe("the installed postgres.js", () => {
  it("is the version the patch was written for", () => {
    expect((JSON.parse(read("package.json")) as { version: string }).version).toBe("3.4.9");
  });

  it("has the patch applied to both its ESM and CommonJS copies", () => {
    for (const dir of ["src", "cjs/src"]) {
      expect(read(`${dir}/connection.js`), dir).toContain("Patched (decision 009)");
      expect(read(`${dir}/index.js`), dir).toContain("closedWith");
    }
  });
});
