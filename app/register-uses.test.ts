import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROUTE_ACCESS, type RouteId } from "./access";
import { roleUses } from "./domain/register-purposes";
import { ROLE_LABELS, ROLE_PERMISSIONS, ROLES, type Permission } from "./domain/roles";
import { REGISTER_USES } from "./register-uses";

// Use of the information (s436F, decision 074): every page and export with register data says
// what it is for, and the register is never published.

/** Permissions that reach children on the register (their entries, requests, placements, audit trail or counts). */
const REGISTER_PERMISSIONS = new Set<Permission>([
  "read:child:own-la",
  "write:child:own-la",
  "read:child:allocated",
  "read:child:responsible",
  "raise:consent:own-la",
  "read:consent:own-la",
  "decide:consent:allocated",
  "decide:consent-statutory:own-la",
  "write:placement:own-la",
  "read:placement:own-provider",
  "respond:subject-access:own-la",
  "read:audit:own-la",
  "read:statistics:own-la",
  "download:termly-return:own-la",
]);

/** Each export or download, and the page that offers it (whose statement covers it). */
const OFFERED_BY: Partial<Record<keyof typeof REGISTER_USES, keyof typeof REGISTER_USES>> = {
  "routes/register.export[.]csv": "routes/register._index",
  "routes/consent-requests.export[.]csv": "routes/consent-requests._index",
  "routes/placements.export[.]csv": "routes/placements._index",
  "routes/admin.audit[.]csv": "routes/admin.audit",
  "routes/admin.subject-access[.]json": "routes/admin.subject-access",
  "routes/council-figures.return": "routes/council-figures._index",
  "routes/register.$childId.documents.$documentId": "routes/register.$childId._index",
  "routes/register.import.template[.]csv": "routes/register.import._index",
  "routes/register.import.$importId_.problems[.]csv": "routes/register.import.$importId",
};

const permissionsOf = (access: (typeof ROUTE_ACCESS)[RouteId]): readonly Permission[] =>
  access.kind === "permission" ? [access.permission] : access.kind === "any-permission" ? access.permissions : [];

const source = (routeId: string): string | null => {
  for (const ext of [".tsx", ".ts"]) {
    try {
      return readFileSync(`app/${routeId}${ext}`, "utf8");
    } catch {
      // the other extension
    }
  }
  return null;
};

describe("the purposes of every page with register data", () => {
  it("lists every route that reaches children on the register", () => {
    const reaching = (Object.keys(ROUTE_ACCESS) as RouteId[]).filter((id) => permissionsOf(ROUTE_ACCESS[id]).some((p) => REGISTER_PERMISSIONS.has(p)));
    expect(reaching.filter((id) => !(id in REGISTER_USES))).toEqual([]);
  });

  it("lists no public route: the register is never published", () => {
    const listed = Object.keys(REGISTER_USES) as RouteId[];
    expect(listed.filter((id) => ROUTE_ACCESS[id].kind !== "permission" && ROUTE_ACCESS[id].kind !== "any-permission")).toEqual([]);
  });

  it("shows each page's own statement, and gives each download the purposes of the page that offers it", () => {
    for (const [id, use] of Object.entries(REGISTER_USES) as [keyof typeof REGISTER_USES, (typeof REGISTER_USES)[keyof typeof REGISTER_USES]][]) {
      const text = source(id);
      expect(text, id).not.toBeNull();
      const page = OFFERED_BY[id];
      if (page) {
        expect(REGISTER_USES[page].purposes, id).toEqual(use.purposes);
        expect(source(page), page).toContain(`<PurposeStatement routeId="${page}" />`);
      } else {
        expect(text, id).toContain(`<PurposeStatement routeId="${id}" />`);
      }
    }
  });

  it("keeps the register's readers out of every public page (the token-authenticated APIs aside)", () => {
    const readers = ["entry-read.server", "register-search.server", "register-export.server", "entry-rows.server", "subject-access", "caseload.server", "consent.server", "placements.server"];
    const publicPages = (Object.keys(ROUTE_ACCESS) as RouteId[]).filter((id) => ROUTE_ACCESS[id].kind === "public" && !id.startsWith("routes/api.v1.register") && !id.startsWith("routes/api.v1.placement-checks"));
    for (const id of publicPages) {
      const text = source(id);
      if (text === null) continue;
      for (const reader of readers) expect(text.includes(reader), `${id} imports ${reader}`).toBe(false);
    }
  });
});

describe("who uses which items", () => {
  const uses = roleUses(
    ROLES.map((role) => ({ name: ROLE_LABELS[role], permissions: ROLE_PERMISSIONS[role] })),
    Object.entries(REGISTER_USES).map(([id, use]) => ({ access: ROUTE_ACCESS[id as RouteId], use })),
  );
  const of = (name: string) => uses.find((u) => u.name === name);

  it("gives council officers the whole entry, and providers only the identity of children placed with them", () => {
    expect(of("Council officer")!.items).toEqual(expect.arrayContaining(["identity", "parents", "providers", "optional", "sources"]));
    expect(of("Alternative provision provider")).toEqual({ name: "Alternative provision provider", items: ["identity"], purposes: ["placements"] });
  });

  it("leaves out the roles that see nothing of the register", () => {
    expect(uses.map((u) => u.name)).not.toContain("Directory reviewer");
    expect(uses.map((u) => u.name)).not.toContain("Service admin");
  });

  it("lists school staff for their own pupils' placements only (decision 080), never the register's other purposes", () => {
    expect(of("School staff")).toEqual({ name: "School staff", items: ["identity", "education", "providers"], purposes: ["placements"] });
  });
});
