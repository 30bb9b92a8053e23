// `npm run db:restore-drill`: proves a backup can be restored (decision 013). It dumps a seeded
// database with pg_dump, restores it with pg_restore into a new database, compares every table's
// row count, checks that the history tables' triggers came back and still refuse changes, and
// starts the built app on the copy. Run it against a copy of production's dump regularly: a backup
// never restored is a hope, not a backup.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run db:restore-drill
//   RESTORE_DRILL_SOURCE_URL=postgres://…/cnis npm run db:restore-drill   (dump that database instead)
//
// DATABASE_URL is a server connection that may create databases; the drill's own databases are
// dropped at the end (RESTORE_DRILL_KEEP=true keeps the restored one).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import postgres from "postgres";
import { connect, setConnection } from "../db/client";
import { migrate } from "../db/migrate";
import { APPEND_ONLY_TABLES, NEVER_DELETED_TABLES } from "../db/roles";
import { seedDemoData, seedReferenceData } from "../db/seed";
import { freePort, stopProcess, waitUntilHealthy } from "./app-process";

const run = promisify(execFile);

export interface DrillReport {
  source: string;
  restored: string;
  tables: { table: string; source: number; restored: number }[];
  triggers: { table: string; trigger: string }[];
  /** Each history table and the refusal the restored copy gave when asked to change it. */
  refusals: { table: string; statement: string; refused: string }[];
  app: { status: number; path: string }[];
  problems: string[];
}

export interface DrillOptions {
  /** A server connection that may create databases. */
  serverUrl: string;
  /** The database to dump; unset: a new one, migrated and seeded with the demo data. */
  sourceUrl?: string;
  keep?: boolean;
  log?: (line: string) => void;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** pg_dump and pg_restore read the password from PGPASSWORD, never from a command line others can see. */
function pgTool(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const args = ["--host", u.hostname, "--port", u.port || "5432", "--dbname", databaseOf(url)];
  if (u.username) args.push("--username", decodeURIComponent(u.username));
  return { args, env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } };
}

async function rowCounts(sql: postgres.Sql): Promise<Map<string, number>> {
  const tables = await sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`;
  const counts = new Map<string, number>();
  for (const { name } of tables) {
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${name}"`);
    counts.set(name, row!.n);
  }
  return counts;
}

async function userTriggers(sql: postgres.Sql): Promise<{ table: string; trigger: string }[]> {
  return sql<{ table: string; trigger: string }[]>`
    select c.relname as table, t.tgname as trigger from pg_trigger t join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not t.tgisinternal and t.tgenabled <> 'D' order by 1, 2`;
}

/** Asks the restored copy to change each history table, inside a transaction rolled back whatever happens. */
async function tryToChange(sql: postgres.Sql, table: string, statement: string): Promise<string> {
  try {
    await sql.begin(async (tx) => {
      await tx.unsafe(statement);
      throw new Error("not refused");
    });
    return "not refused";
  } catch (error) {
    const e = error as { code?: string; message: string };
    return e.code ? `${e.code}: ${e.message}` : e.message;
  }
}

async function startApp(databaseUrl: string, log: (line: string) => void): Promise<{ baseUrl: string; child: ChildProcess; output: () => string }> {
  if (!existsSync("build/server.js")) {
    log("building the app (npm run build), as it is not built yet");
    await run("npm", ["run", "build"], { maxBuffer: 64 * 1024 * 1024 });
  }
  const port = await freePort();
  const child = spawn(process.execPath, ["build/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_MIGRATION_URL: "",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      EMAIL_SENDER: "log",
      JOBS_ENABLED: "false",
      SEED_DEMO_DATA: "false",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(child, baseUrl, () => output);
  return { baseUrl, child, output: () => output };
}

export async function runRestoreDrill(options: DrillOptions): Promise<DrillReport> {
  const log = options.log ?? (() => {});
  const stamp = `${Date.now()}_${process.pid}`;
  const admin = postgres(options.serverUrl, { max: 1, onnotice: () => {} });
  const made: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), "cnis-restore-drill-"));
  let source = options.sourceUrl;
  const restoredName = `cnis_restore_drill_${stamp}`;
  const restored = withDatabase(options.serverUrl, restoredName);
  const problems: string[] = [];
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    if (!source) {
      const name = `cnis_restore_drill_source_${stamp}`;
      await admin.unsafe(`create database "${name}"`);
      made.push(name);
      source = withDatabase(options.serverUrl, name);
      log(`seeding a new database, ${name}, with the demo data`);
      const connection = connect({ databaseUrl: source, maxConnections: 2 });
      setConnection(connection); // the demo register is written through the app's own data layer
      try {
        await migrate(connection);
        await seedReferenceData(connection.db);
        await seedDemoData(connection.db);
      } finally {
        await connection.close();
      }
    }

    const dump = path.join(dir, "cnis.dump");
    log(`pg_dump --format=custom ${databaseOf(source)}`);
    const from = pgTool(source);
    await run("pg_dump", [...from.args, "--format=custom", "--file", dump], { env: from.env });

    await admin.unsafe(`create database "${restoredName}"`);
    if (!options.keep) made.push(restoredName);
    log(`pg_restore into ${restoredName}`);
    const to = pgTool(restored);
    await run("pg_restore", [...to.args, "--exit-on-error", "--single-transaction", dump], { env: to.env });

    const sourceSql = postgres(source, { max: 1, onnotice: () => {} });
    const restoredSql = postgres(restored, { max: 1, onnotice: () => {} });
    let tables: DrillReport["tables"] = [];
    let triggers: DrillReport["triggers"] = [];
    const refusals: DrillReport["refusals"] = [];
    try {
      const before = await rowCounts(sourceSql);
      const after = await rowCounts(restoredSql);
      tables = [...before].map(([table, n]) => ({ table, source: n, restored: after.get(table) ?? -1 }));
      for (const t of tables) if (t.source !== t.restored) problems.push(`${t.table}: ${t.source} rows in the source, ${t.restored} restored`);
      for (const table of after.keys()) if (!before.has(table)) problems.push(`${table} is in the restored copy only`);

      const sourceTriggers = await userTriggers(sourceSql);
      triggers = await userTriggers(restoredSql);
      const restoredSet = new Set(triggers.map((t) => `${t.table}.${t.trigger}`));
      for (const t of sourceTriggers) if (!restoredSet.has(`${t.table}.${t.trigger}`)) problems.push(`the trigger ${t.trigger} on ${t.table} was not restored`);

      for (const table of [...APPEND_ONLY_TABLES, ...NEVER_DELETED_TABLES]) {
        // CASCADE: a table another references cannot be truncated alone, and the trigger must be what refuses.
        const statements = [`truncate "${table}" cascade`];
        if ((after.get(table) ?? 0) > 0) statements.unshift(`delete from "${table}"`);
        if ((after.get(table) ?? 0) > 0 && table !== "consent_requests") statements.unshift(`update "${table}" set id = id`);
        for (const statement of statements) {
          const refused = await tryToChange(restoredSql, table, statement);
          refusals.push({ table, statement, refused });
          if (!refused.startsWith("42501")) problems.push(`${statement} on the restored copy was not refused by its trigger (${refused})`);
        }
      }
    } finally {
      await sourceSql.end({ timeout: 5 });
      await restoredSql.end({ timeout: 5 });
    }

    log("starting the app on the restored copy");
    app = await startApp(restored, log);
    const checks: DrillReport["app"] = [];
    for (const page of ["/healthz", "/directory", "/sign-in"]) {
      const response = await fetch(`${app.baseUrl}${page}`);
      checks.push({ path: page, status: response.status });
      if (response.status !== 200) problems.push(`the app on the restored copy answered ${response.status} for ${page}`);
    }
    return { source: databaseOf(source), restored: restoredName, tables, triggers, refusals, app: checks, problems };
  } finally {
    if (app) await stopProcess(app.child);
    for (const name of made) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    console.error("npm run db:restore-drill needs DATABASE_URL: a PostgreSQL server connection that may create databases.");
    process.exit(1);
  }
  const report = await runRestoreDrill({
    serverUrl,
    sourceUrl: process.env.RESTORE_DRILL_SOURCE_URL?.trim() || undefined,
    keep: process.env.RESTORE_DRILL_KEEP === "true",
    log: (line) => console.info(`--- ${line}`),
  });
  console.info(`\nRestored ${report.source} into ${report.restored}${process.env.RESTORE_DRILL_KEEP === "true" ? " (kept)" : " (dropped afterwards)"}.\n`);
  console.info("| table | rows in the dump's source | rows restored |\n| --- | ---: | ---: |");
  for (const t of report.tables) console.info(`| ${t.table} | ${t.source} | ${t.restored} |`);
  console.info(`\n${report.triggers.length} triggers restored; every history table refused:`);
  for (const r of report.refusals) console.info(`  ${r.statement}: ${r.refused}`);
  console.info(`\nThe app on the copy: ${report.app.map((a) => `${a.path} ${a.status}`).join(", ")}`);
  if (report.problems.length > 0) {
    console.error(`\nThe drill FAILED:\n${report.problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.info("\nThe drill passed.");
}
