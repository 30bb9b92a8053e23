import { describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "./access";
import { ROLES, hasPermission, type Role } from "./domain/roles";
import { homeFor } from "./home";

// Every link on a home page must open for that user: the link's path names a route file (flat
// routes: "/admin/users" is admin.users._index or admin.users) whose access the user passes.
function routeIdOf(path: string): string | undefined {
  const dotted = path.split("?")[0]!.replace(/^\//, "").split("/").join(".");
  return [`routes/${dotted}._index`, `routes/${dotted}`].find((id) => Object.hasOwn(ROUTE_ACCESS, id));
}

function opens(role: Role, routeId: string): boolean {
  const access = (ROUTE_ACCESS as Record<string, { kind: string; permission?: string; permissions?: readonly string[] }>)[routeId];
  if (!access) return false;
  if (access.kind === "public" || access.kind === "signed-in") return true;
  if (access.kind === "permission") return hasPermission(role, access.permission as never);
  return access.permissions!.some((p) => hasPermission(role, p as never));
}

describe("home pages", () => {
  it.each(ROLES)("shows the %s only links their permissions open", (role) => {
    const home = homeFor(role);
    expect(home.links.length).toBeGreaterThan(0);
    for (const link of home.links) {
      const id = routeIdOf(link.href);
      expect(id, link.href).toBeDefined();
      expect(opens(role, id!), `${role} ${link.href}`).toBe(true);
    }
  });

  it("decides by permission: a social worker sees no register search, an officer no decisions", () => {
    expect(homeFor("social_worker").links.map((l) => l.href)).not.toContain("/register");
    expect(homeFor("council_officer").links.map((l) => l.href)).toContain("/register?owner=mine");
    expect(homeFor("council_officer").links.map((l) => l.text)).not.toContain("Home-education requests for you");
  });
});
