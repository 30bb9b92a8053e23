import { describe, expect, it } from "vitest";
import { GRANTABLE_PERMISSIONS, GRANTABLE_TO, PERMISSIONS, ROLE_PERMISSIONS, ROLES, hasPermission, holdsPermission, isGrantablePermission, mayHoldGrant } from "./roles";

describe("roles and permissions", () => {
  it("gives every permission to at least one role, or makes it a grant some role may hold", () => {
    for (const permission of PERMISSIONS) {
      const granted = isGrantablePermission(permission) && ROLES.some((role) => mayHoldGrant(role, permission));
      expect(ROLES.some((role) => hasPermission(role, permission)) || granted, permission).toBe(true);
    }
  });
  it("never gives a grantable permission to a whole role", () => {
    for (const permission of GRANTABLE_PERMISSIONS) {
      for (const role of ROLES) expect(hasPermission(role, permission)).toBe(false);
    }
  });
  it("lets a grant count only for the roles that may hold it", () => {
    for (const role of ROLES) {
      const granted = holdsPermission({ role, grants: ["decide:consent-statutory:own-la"] }, "decide:consent-statutory:own-la");
      expect(granted, role).toBe(GRANTABLE_TO["decide:consent-statutory:own-la"].includes(role));
      expect(holdsPermission({ role }, "decide:consent-statutory:own-la")).toBe(false);
      expect(holdsPermission({ role, grants: [] }, "decide:consent-statutory:own-la")).toBe(false);
    }
    expect(mayHoldGrant("social_worker", "decide:consent-statutory:own-la")).toBe(false);
  });
  it("adds nothing to a role's permissions from a grant of something that is not grantable", () => {
    expect(holdsPermission({ role: "council_officer", grants: ["manage:user:own-la"] }, "manage:user:own-la")).toBe(false);
    expect(holdsPermission({ role: "council_officer", grants: [] }, "write:child:own-la")).toBe(true);
  });
  it("keeps children's records away from providers, reviewers and service admins", () => {
    for (const role of ["provider", "directory_reviewer", "service_admin", "council_admin"] as const) {
      expect(hasPermission(role, "read:child:own-la")).toBe(false);
      expect(hasPermission(role, "read:child:allocated")).toBe(false);
    }
  });
  it("lets only social workers decide consent and only officers keep the register", () => {
    for (const role of ROLES) {
      expect(hasPermission(role, "decide:consent:allocated")).toBe(role === "social_worker");
      expect(hasPermission(role, "write:child:own-la")).toBe(role === "council_officer");
    }
  });
  it("defines permissions for exactly the roles there are", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });
});
