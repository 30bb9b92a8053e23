import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { laOfBearerToken } from "#app/data/api-tokens.server";
import { action as tokensAction, loader as tokensLoader } from "#app/routes/admin.api-tokens";
import { db } from "#db/client";
import { apiTokens } from "#db/schema/index";
import { call, createUser, requestAs } from "../support/fixtures";

const bearer = (token: string) => new Request("http://localhost/api/v1/placement-checks", { method: "POST", headers: { Authorization: `Bearer ${token}` } });

describe("API tokens", () => {
  it("are shown once, stored only as a hash, speak for their LA, and stop working when revoked", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const created = await call(tokensAction, await requestAs(admin, "/admin/api-tokens", { form: { name: "Case system", scopes: ["placement_checks", "register_read"] } }));
    const token: string = created.data.created.token;
    expect(token).toMatch(/^cnis_[a-z2-7]{32}$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.name, "Case system"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await laOfBearerToken(bearer(token))).toMatchObject({ laId: admin.organisationId, laName: "Camden", scopes: ["placement_checks", "register_read"] });
    // One character changed (to another: a token already ending in "a" once made this pass it back).
    const altered = `${token.slice(0, -1)}${token.endsWith("a") ? "b" : "a"}`;
    expect(altered).not.toBe(token);
    expect(await laOfBearerToken(bearer(altered))).toBeNull();
    expect(await laOfBearerToken(new Request("http://localhost/"))).toBeNull();

    const listed = await call(tokensLoader, await requestAs(admin, "/admin/api-tokens"));
    expect(JSON.stringify(listed.data)).not.toContain(token);
    expect(listed.data.tokens.find((t: { name: string }) => t.name === "Case system").scopes).toEqual(["Check placements", "Read the register"]);
    await call(tokensAction, await requestAs(admin, "/admin/api-tokens", { form: { intent: "revoke", tokenId: row!.id } }));
    expect(await laOfBearerToken(bearer(token))).toBeNull();
  });

  it("need at least one scope, chosen by the admin", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const refused = await call(tokensAction, await requestAs(admin, "/admin/api-tokens", { form: { name: "No scopes" } }));
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toMatchObject({ scopes: "Select what the token may do" });
    expect(await db.select().from(apiTokens).where(eq(apiTokens.name, "No scopes"))).toEqual([]);
  });

  it("made before scopes existed keep placement checks only (the migration's default)", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const [row] = await db
      .insert(apiTokens)
      .values({ laId: admin.organisationId, name: "Old system", tokenHash: "0".repeat(64), createdBy: admin.id })
      .returning({ scopes: apiTokens.scopes });
    expect(row!.scopes).toEqual(["placement_checks"]);
  });

  it("cannot be revoked by another LA's admin", async () => {
    const camden = await createUser("council_admin", { laCode: "202" });
    const leeds = await createUser("council_admin", { laCode: "383" });
    const created = await call(tokensAction, await requestAs(camden, "/admin/api-tokens", { form: { name: "Camden system", scopes: "placement_checks" } }));
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.name, "Camden system"));
    const attempt = await call(tokensAction, await requestAs(leeds, "/admin/api-tokens", { form: { intent: "revoke", tokenId: row!.id } }));
    expect(attempt.status).toBe(404);
    expect(await laOfBearerToken(bearer(created.data.created.token))).not.toBeNull();
  });
});
