import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { startJobQueue } from "#app/jobs/queue.server";
import { action as newAction } from "#app/routes/register.new";
import { writeAuditEvent } from "#app/utils/audit.server";
import { connect, currentConnection, setConnection, type Connection } from "#db/client";
import { migrate } from "#db/migrate";
import { APPEND_ONLY_TABLES, createAppRole } from "#db/roles";
import { call, createUser, requestAs } from "../support/fixtures";
import { serverUrl } from "../support/databases";
import { validEntryForm } from "../support/register";

// The app's own database role (decision 012), on PostgreSQL: roles are the server's, not PGlite's.
// Roles are shared by the whole server, so this one is named after this file's own database.
describe.skipIf(!serverUrl())("the app's database role", () => {
  let ownerConnection: Connection;
  let owner: postgres.Sql;
  let role: string;
  let app: Connection;
  let appSql: postgres.Sql;
  let boss: PgBoss | undefined;

  beforeAll(async () => {
    ownerConnection = currentConnection();
    const ownerUrl = new URL(ownerConnection.url!);
    role = `${ownerUrl.pathname.slice(1)}_app`;
    owner = postgres(ownerUrl.toString(), { max: 1, onnotice: () => {} });
    // A database the app used to reach as the owner: its job queue's tables are the owner's.
    const before = await startJobQueue(ownerConnection, [{ name: "roles-test-old-queue", cron: "0 0 1 1 *", run: async () => {} }], 0.5);
    await before.stop({ graceful: false, wait: true, timeout: 2000 });
    await createAppRole(owner, role);
    const appUrl = new URL(ownerUrl);
    appUrl.username = role;
    app = connect({ databaseUrl: appUrl.toString(), migrationUrl: ownerUrl.toString(), maxConnections: 4 });
    // Migrating as the owner grants the app's role its rights (no migration is left to apply here).
    await migrate(app);
    appSql = postgres(appUrl.toString(), { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    setConnection(ownerConnection);
    await boss?.stop({ graceful: false, wait: true, timeout: 2000 });
    await appSql?.end({ timeout: 5 });
    await app?.close();
    if (owner) {
      await owner.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where usename = '${role}'`);
      await owner.unsafe(`drop owned by "${role}"`);
      await owner.unsafe(`drop role if exists "${role}"`);
      await owner.end({ timeout: 5 });
    }
  });

  it("connects as a role that is neither a superuser nor the tables' owner", async () => {
    const [me] = await appSql<{ user: string; superuser: boolean }[]>`select current_user as user, (select rolsuper from pg_roles where rolname = current_user) as superuser`;
    expect(me).toEqual({ user: role, superuser: false });
    const owners = await appSql<{ owner: string }[]>`select distinct tableowner as owner from pg_tables where schemaname = 'public'`;
    expect(owners.map((o) => o.owner)).not.toContain(role);
  });

  it("runs the app: a new entry with its history and audit events, and the job queue", async () => {
    setConnection(app);
    try {
      const officer = await createUser("council_officer", { laCode: "202" });
      const created = await call(newAction, await requestAs(officer, "/register/new", { form: { ...validEntryForm(), intent: "create" } }));
      expect(created.location).toMatch(/^\/register\/[0-9a-f-]{36}/);
      await writeAuditEvent(app.db, null, "roles-test", { action: "user.signed_in", subjectType: "user", subjectId: officer.id });
      // pg-boss keeps its own schema, which the app's role owns: it makes a table per queue as it starts.
      boss = await startJobQueue(app, [{ name: "roles-test-job", cron: "0 0 1 1 *", run: async () => {} }], 0.5);
      expect(await boss.getQueue("roles-test-job")).toMatchObject({ name: "roles-test-job" });
      // The queue made while the owner ran the app passed to the app's role with the rest.
      expect(await boss.send("roles-test-old-queue", {})).toEqual(expect.any(String));
      const notOwned = await owner<{ name: string }[]>`
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'pgboss' and pg_get_userbyid(c.relowner) <> ${role} and c.relkind in ('r', 'p', 'S')`;
      expect(notOwned).toEqual([]);
    } finally {
      setConnection(ownerConnection);
    }
    for (const table of APPEND_ONLY_TABLES) {
      const [row] = await owner.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
      if (table === "audit_events" || table === "entry_history") expect(row!.n, table).toBeGreaterThan(0);
    }
  });

  async function refused(statement: string): Promise<string> {
    const error = await appSql.unsafe(statement).then(
      () => null,
      (e: unknown) => e as { code?: string; message: string },
    );
    expect(error, `${statement} should have been refused`).not.toBeNull();
    return `${error!.code}: ${error!.message}`;
  }

  it("cannot update, delete or truncate any history table, nor disable or drop its triggers", async () => {
    for (const table of [...APPEND_ONLY_TABLES, "consent_requests"]) {
      if (table !== "consent_requests") expect(await refused(`update ${table} set id = id`)).toMatch(/^42501: permission denied/);
      expect(await refused(`delete from ${table}`)).toMatch(/^42501: permission denied/);
      expect(await refused(`truncate ${table}`)).toMatch(/^42501: permission denied/);
      expect(await refused(`alter table ${table} disable trigger all`)).toMatch(/^42501: must be owner/);
      const [trigger] = await owner<{ name: string }[]>`select tgname as name from pg_trigger where tgrelid = ${table}::regclass and not tgisinternal limit 1`;
      expect(trigger, `${table} has a trigger`).toBeDefined();
      expect(await refused(`drop trigger ${trigger!.name} on ${table}`)).toMatch(/^42501: must be owner/);
    }
    // Nor switch every trigger off for its session.
    expect(await refused("set session_replication_role = replica")).toMatch(/^42501: permission denied/);
  });

  it("cannot change the schema: no new tables, no altered or dropped ones, no truncating any table", async () => {
    expect(await refused("create table public.intruder (id int)")).toMatch(/^42501: permission denied for schema public/);
    expect(await refused("alter table children add column intruder int")).toMatch(/^42501: must be owner/);
    expect(await refused("drop table sessions")).toMatch(/^42501: must be owner/);
    expect(await refused("truncate sessions")).toMatch(/^42501: permission denied/);
    expect(await refused("create function public.intruder() returns int language sql as 'select 1'")).toMatch(/^42501: permission denied for schema public/);
    expect(await refused("delete from drizzle.__drizzle_migrations")).toMatch(/^42501: permission denied/);
  });
});
