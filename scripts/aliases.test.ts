import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aliases, aliasesFrom } from "../aliases";

const root = path.join(import.meta.dirname, "..");

describe("path aliases", () => {
  it("gives Vite and Vitest tsconfig.json's paths, folder for folder", () => {
    const tsconfig = JSON.parse(readFileSync(path.join(root, "tsconfig.json"), "utf8")) as { compilerOptions: { paths: Record<string, string[]> } };
    const fromTsconfig = Object.keys(tsconfig.compilerOptions.paths).map((p) => p.slice(0, -2));
    expect(Object.keys(aliases).sort()).toEqual(fromTsconfig.sort());
    expect(aliases["#app"]).toBe(path.join(root, "app"));
  });

  it("refuses a mapping Vite's prefix aliases could not express", () => {
    expect(() => aliasesFrom({ compilerOptions: { paths: { "#x": ["./x"] } } }, root)).toThrow(/must map/);
    expect(() => aliasesFrom({ compilerOptions: { paths: { "#x/*": ["./x/*", "./y/*"] } } }, root)).toThrow(/must map/);
  });

  it("has no second list in package.json imports to drift from the first", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { imports?: unknown };
    expect(pkg.imports).toBeUndefined();
  });

  it("resolves an aliased import in this very test run", async () => {
    const { ROUTE_ACCESS } = await import("#app/access");
    expect(ROUTE_ACCESS.root.kind).toBe("public");
  });
});
