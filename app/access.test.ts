import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "./access";
import { GUARDED_ROUTE } from "./utils/route-guard.server";

// Every route file must appear in the access table, and its loader and action must be the guarded
// ones for its own id: a route cannot be added without deciding who may use it.
const routesDir = path.join(import.meta.dirname, "routes");
const routeFiles = readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
const idOf = (file: string) => `routes/${file.replace(/\.tsx?$/, "")}`;

describe("route access", () => {
  it("lists every route file, and nothing that is not one", () => {
    const ids = routeFiles.map(idOf).sort();
    const declared = Object.keys(ROUTE_ACCESS).filter((id) => id !== "root").sort();
    expect(declared).toEqual(ids);
  });

  it.each(["root.tsx", ...routeFiles.map((f) => `routes/${f}`)])("guards %s", async (file) => {
    const module = (await import(`./${file}`)) as Record<string, unknown>;
    const id = file === "root.tsx" ? "root" : idOf(path.basename(file));
    const access = ROUTE_ACCESS[id as keyof typeof ROUTE_ACCESS];
    for (const name of ["loader", "action"] as const) {
      const fn = module[name] as { [GUARDED_ROUTE]?: string } | undefined;
      if (fn) expect(fn[GUARDED_ROUTE], `${file} ${name}`).toBe(id);
    }
    if (access.kind !== "public" && module.default) {
      // A page for signed-in people must have a (guarded) loader, or it would render for anyone.
      expect(module.loader, `${file} needs a guarded loader`).toBeDefined();
    }
  });
});
