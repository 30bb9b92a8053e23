import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_ACCESS, type RouteId } from "#app/access";

const root = path.join(import.meta.dirname, "..");
const robots = readFileSync(path.join(root, "public", "robots.txt"), "utf8");

/** RFC 9309: the longest matching rule decides, Allow winning a tie; `*` any run, `$` the end. */
function allowed(rules: { allow: boolean; pattern: string }[], urlPath: string): boolean {
  const matches = rules.filter(({ pattern }) => {
    const re = pattern.replace(/[.+?^{}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
    return new RegExp(`^${re}`).test(urlPath);
  });
  if (matches.length === 0) return true;
  const longest = Math.max(...matches.map((m) => m.pattern.length));
  return matches.some((m) => m.pattern.length === longest && m.allow);
}

function rulesForEveryone(text: string) {
  const lines = text.split("\n").map((line) => line.replace(/#.*/, "").trim()).filter(Boolean);
  expect(lines[0]).toBe("User-agent: *");
  return lines.slice(1).map((line) => {
    const [field, ...rest] = line.split(":");
    return { allow: field!.trim().toLowerCase() === "allow", pattern: rest.join(":").trim() };
  });
}

/** A page's path from its flat-routes file name: `register.$childId._index` is /register/:childId. */
function pathOf(routeId: RouteId): string {
  const segments = routeId
    .replace(/^routes\//, "")
    .split(/\.(?![^[]*\])/)
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? "x0" : s.replace(/\[\.\]/g, ".")));
  return `/${segments.join("/")}`;
}

const rules = rulesForEveryone(robots);
const SEARCHABLE = ["/", "/directory", "/directory/x0", "/directory?la=202", "/accessibility"];

describe("robots.txt", () => {
  it("lets search engines reach the start page, the public directory and the accessibility statement", () => {
    for (const page of SEARCHABLE) expect(allowed(rules, page), page).toBe(true);
  });

  it("keeps every page that needs a sign-in out of search engines", () => {
    const signedIn = (Object.keys(ROUTE_ACCESS) as RouteId[]).filter((id) => id !== "root" && ROUTE_ACCESS[id].kind !== "public");
    expect(signedIn.length).toBeGreaterThan(30);
    for (const id of signedIn) expect(allowed(rules, pathOf(id)), pathOf(id)).toBe(false);
    // And the public pages that only make sense with an account or a one-time link.
    for (const page of ["/sign-in", "/invitation/x0", "/provider/sign-up", "/home", "/register"]) expect(allowed(rules, page), page).toBe(false);
  });
});

describe("the public folder", () => {
  it("has the favicon browsers ask for at the top level", () => {
    const icon = readFileSync(path.join(root, "public", "favicon.ico"));
    expect([...icon.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });
});
