import PgBoss from "pg-boss";
import type postgres from "postgres";

/** The job queue's schema (app/jobs/queue.server.ts). */
export const JOB_QUEUE_SCHEMA = "pgboss";

// The database roles (decision 012). Migrations run as the tables' owner (DATABASE_MIGRATION_URL);
// the app connects as its own role (DATABASE_URL), which may read and write rows and nothing more:
// no DDL in the app's schema, no TRUNCATE, no UPDATE or DELETE on the history tables, and, not
// owning any table, no way to disable a trigger. Every grant here is idempotent: `npm run db:roles`
// makes the role, and each migration run applies the grants again, so new tables are covered.

/** History tables: rows are added, never changed or removed (their triggers say so too). */
export const APPEND_ONLY_TABLES = ["audit_events", "listing_history", "placement_refusals", "school_placement_refusals", "entry_history"] as const;
/**
 * The only ways into the history tables beyond INSERT: the retention schedule's SECURITY DEFINER
 * functions (migration "privacy_custom_retention", decision 051), which nobody but the app may call.
 */
export const RETENTION_FUNCTIONS = ["retention_anonymise_entry_records(uuid)", "retention_delete_audit_events(timestamptz, integer)", "retention_delete_school_pupils(timestamptz, integer)"] as const;
/** A pending consent request may change (decided, or moved); a decided one is final; none is deleted. */
export const NEVER_DELETED_TABLES = ["consent_requests"] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteRole(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`A database role name is lower-case letters, digits and _ (at most 63): "${role}" is not`);
  return `"${role}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Makes (or corrects) the app's login role: no superuser, no role or database creation, no
 * replication, no row-security bypass. Needs a connection that may create roles.
 */
export async function createAppRole(sql: postgres.Sql, role: string, password?: string): Promise<void> {
  const r = quoteRole(role);
  const [exists] = await sql`select 1 as found from pg_roles where rolname = ${role}`;
  if (!exists) await sql.unsafe(`create role ${r} login`);
  await sql.unsafe(`alter role ${r} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit${password ? ` password ${quoteLiteral(password)}` : ""}`);
}

/**
 * Grants the app's role what it needs in this database, as the tables' owner. The job queue's own
 * schema (pgboss) belongs to the app's role: pg-boss makes a table for each queue as it starts.
 */
export async function grantAppRole(sql: postgres.Sql, role: string): Promise<void> {
  const r = quoteRole(role);
  const [who] = await sql<{ owner: string; database: string; superuser: boolean }[]>`
    select current_user as owner, current_database() as database, (select rolsuper from pg_roles where rolname = current_user) as superuser`;
  if (who!.owner === role) throw new Error("The app's role must not be the role that owns the tables (run migrations with DATABASE_MIGRATION_URL as the owner)");
  const [appRole] = await sql<{ superuser: boolean; owns: boolean }[]>`
    select rolsuper as superuser, pg_has_role(${role}, ${who!.owner}, 'MEMBER') as owns from pg_roles where rolname = ${role}`;
  if (!appRole) throw new Error(`The app's database role "${role}" does not exist: run npm run db:roles first`);
  if (appRole.superuser || appRole.owns) throw new Error(`The app's database role "${role}" is a superuser or a member of the owner "${who!.owner}": it must be neither`);

  await sql.unsafe(`grant connect on database "${who!.database.replace(/"/g, '""')}" to ${r}`);
  await sql.unsafe(`grant usage on schema public to ${r}`);
  await sql.unsafe(`revoke create on schema public from ${r}`);
  await sql.unsafe(`grant select, insert, update, delete on all tables in schema public to ${r}`);
  await sql.unsafe(`revoke truncate, references, trigger on all tables in schema public from ${r}`);
  await sql.unsafe(`grant usage, select on all sequences in schema public to ${r}`);
  // Before the first migration there are no tables yet: migrate() grants again once there are.
  const present = new Set((await sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public'`).map((t) => t.name));
  for (const table of APPEND_ONLY_TABLES) if (present.has(table)) await sql.unsafe(`revoke update, delete on table "${table}" from ${r}`);
  for (const table of NEVER_DELETED_TABLES) if (present.has(table)) await sql.unsafe(`revoke delete on table "${table}" from ${r}`);
  for (const fn of RETENTION_FUNCTIONS) {
    const [exists] = await sql<{ yes: boolean }[]>`select to_regprocedure(${fn}) is not null as yes`;
    if (exists!.yes) await sql.unsafe(`grant execute on function ${fn} to ${r}`);
  }
  // The migrations' own record, read by readiness checks ("migrations at head").
  const [drizzleSchema] = await sql`select 1 as found from pg_namespace where nspname = 'drizzle'`;
  if (drizzleSchema) {
    await sql.unsafe(`grant usage on schema drizzle to ${r}`);
    await sql.unsafe(`grant select on all tables in schema drizzle to ${r}`);
  }

  // Giving an object to a role needs membership in it, unless a superuser does it.
  if (!who!.superuser) await sql.unsafe(`grant ${r} to current_user`);
  // pg-boss installs itself with CREATE SCHEMA, which needs CREATE on the database: the owner
  // installs it here instead, and hands the schema and everything in it to the app's role.
  const [installed] = await sql<{ yes: boolean }[]>`select to_regclass('pgboss.version') is not null as yes`;
  if (!installed!.yes) await sql.unsafe(PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA));
  await sql.unsafe(`alter schema ${JOB_QUEUE_SCHEMA} owner to ${r}`);
  await sql.unsafe(`
    do $$
    declare item record;
    begin
      for item in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  where n.nspname = '${JOB_QUEUE_SCHEMA}' and c.relkind in ('r', 'p', 'S', 'v') and pg_get_userbyid(c.relowner) <> ${quoteLiteral(role)} loop
        execute format(case when item.relkind = 'S' then 'alter sequence ${JOB_QUEUE_SCHEMA}.%I owner to %s' else 'alter table ${JOB_QUEUE_SCHEMA}.%I owner to %s' end, item.relname, ${quoteLiteral(r)});
      end loop;
      for item in select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                  where n.nspname = '${JOB_QUEUE_SCHEMA}' and pg_get_userbyid(p.proowner) <> ${quoteLiteral(role)} loop
        execute format('alter routine %s owner to %s', item.signature, ${quoteLiteral(r)});
      end loop;
      for item in select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
                  where n.nspname = '${JOB_QUEUE_SCHEMA}' and t.typtype = 'e' and pg_get_userbyid(t.typowner) <> ${quoteLiteral(role)} loop
        execute format('alter type ${JOB_QUEUE_SCHEMA}.%I owner to %s', item.typname, ${quoteLiteral(r)});
      end loop;
    end $$`);

  // PostgreSQL before 15 let every role create objects in public; the app's role must not.
  const [canCreate] = await sql<{ allowed: boolean }[]>`select has_schema_privilege(${role}, 'public', 'CREATE') as allowed`;
  if (canCreate!.allowed) await sql.unsafe("revoke create on schema public from public");
}
