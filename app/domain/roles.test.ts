import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, hasPermission } from "./roles";

describe("roles and permissions", () => {
  it("gives every permission to at least one role", () => {
    for (const permission of PERMISSIONS) {
      expect(ROLES.some((role) => hasPermission(role, permission)), permission).toBe(true);
    }
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
