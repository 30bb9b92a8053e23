import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, currentConnection, type Connection } from "#db/client";
import { migrate } from "#db/migrate";
import { createAppRole, RETENTION_FUNCTIONS } from "#db/roles";
import { serverUrl } from "../support/databases";

// The retention schedule's way into the history tables (decision 051), on PostgreSQL: the app's
// role may call the two SECURITY DEFINER functions and still cannot change a history row itself;
// any other role cannot call them at all.
describe.skipIf(!serverUrl())("the retention functions and the database roles", () => {
  let ownerConnection: Connection;
  let owner: postgres.Sql;
  let role: string;
  let other: string;
  let app: Connection;
  let appSql: postgres.Sql;
  let otherSql: postgres.Sql;

  beforeAll(async () => {
    ownerConnection = currentConnection();
    const ownerUrl = new URL(ownerConnection.url!);
    role = `${ownerUrl.pathname.slice(1)}_app`;
    other = `${ownerUrl.pathname.slice(1)}_other`;
    owner = postgres(ownerUrl.toString(), { max: 1, onnotice: () => {} });
    await createAppRole(owner, role);
    await createAppRole(owner, other);
    const appUrl = new URL(ownerUrl);
    appUrl.username = role;
    app = connect({ databaseUrl: appUrl.toString(), migrationUrl: ownerUrl.toString(), maxConnections: 2 });
    await migrate(app);
    appSql = postgres(appUrl.toString(), { max: 1, onnotice: () => {} });
    const otherUrl = new URL(ownerUrl);
    otherUrl.username = other;
    otherSql = postgres(otherUrl.toString(), { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await appSql?.end({ timeout: 5 });
    await otherSql?.end({ timeout: 5 });
    await app?.close();
    if (owner) {
      for (const r of [role, other]) {
        await owner.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where usename = '${r}'`);
        await owner.unsafe(`drop owned by "${r}"`);
        await owner.unsafe(`drop role if exists "${r}"`);
      }
      await owner.end({ timeout: 5 });
    }
  });

  const refusal = (sql: Pick<postgres.Sql, "unsafe">, statement: string) =>
    sql.unsafe(statement).then(
      () => "no refusal",
      (e: { code?: string; message: string }) => `${e.code}: ${e.message}`,
    );

  it("lets the app's role call the functions, and no other role", async () => {
    for (const fn of RETENTION_FUNCTIONS) {
      const [row] = await owner<{ app: boolean; other: boolean }[]>`select has_function_privilege(${role}, ${fn}, 'EXECUTE') as app, has_function_privilege(${other}, ${fn}, 'EXECUTE') as other`;
      expect(row, fn).toEqual({ app: true, other: false });
    }
    const [deleted] = await appSql<{ n: number }[]>`select retention_delete_audit_events(now() - interval '100 months', 10) as n`;
    expect(deleted!.n).toBe(0);
    expect(await refusal(otherSql, "select retention_delete_audit_events(now() - interval '100 months', 10)")).toMatch(/^42501: permission denied for function/);
    expect(await refusal(appSql, "select retention_delete_audit_events(now(), 10)")).toMatch(/^42501: audit events are kept for at least 72 months/);
  });

  it("leaves the app's role unable to change history itself, even with the functions' setting", async () => {
    await appSql.begin(async (tx) => {
      await tx.unsafe("select set_config('cnis.retention', 'anonymise', true)");
      expect(await refusal(tx, "update entry_history set summary = summary")).toMatch(/^42501: permission denied for table entry_history/);
    }).catch(() => {});
    expect(await refusal(appSql, "select set_config('cnis.retention', 'delete_audit', false); delete from audit_events")).toMatch(/^42501: permission denied for table audit_events/);
    expect(await refusal(appSql, "update placement_refusals set proposed = '{}'")).toMatch(/^42501: permission denied/);
  });
});
