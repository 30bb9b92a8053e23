import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Connection } from "#db/client";
import { describeError, logger } from "#app/utils/logger.server";
import { JOBS, SENT_JOBS, type JobDefinition, type SentJobDefinition } from "./jobs.server";
import { setSendingQueue } from "./send.server";

/**
 * pg-boss runs SQL through an object with `executeSql(text, values)`. On PostgreSQL it uses its own
 * small pool; on embedded PGlite, this adapter (commands without parameters may hold several
 * statements, which only PGlite's `exec` accepts).
 */
function pgliteAdapter(client: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

export async function startJobQueue(connection: Connection, jobs: JobDefinition[] = JOBS, pollingIntervalSeconds = 2, sentJobs: SentJobDefinition[] = SENT_JOBS): Promise<PgBoss> {
  const options = { schema: "pgboss", archiveCompletedAfterSeconds: 3600, deleteAfterDays: 7 };
  const boss =
    connection.kind === "postgres"
      ? new PgBoss({ connectionString: connection.url!, max: 2, ...options })
      : new PgBoss({ db: pgliteAdapter((connection.db as unknown as { $client: PGlite }).$client), ...options });
  boss.on("error", (error) => logger.error({ err: describeError(error) }, "job queue error"));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, { pollingIntervalSeconds }, async () => {
      try {
        await job.run();
      } catch (error) {
        logger.error({ job: job.name, err: describeError(error) }, "job failed");
        throw error;
      }
    });
    // One run however many processes start at once (pg-boss keeps one job per singleton key).
    if (job.runAtStartIf && (await job.runAtStartIf())) await boss.send(job.name, {}, { singletonKey: `${job.name}-at-start`, singletonSeconds: 3600 });
  }
  for (const job of sentJobs) {
    await boss.createQueue(job.name);
    await boss.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds }, async ([sent]) => {
      try {
        await job.run(sent?.data ?? {});
      } catch (error) {
        logger.error({ job: job.name, err: describeError(error) }, "job failed");
        throw error;
      }
    });
  }
  setSendingQueue(boss);
  logger.info({ jobs: [...jobs, ...sentJobs].map((j) => j.name) }, "job queue started");
  return boss;
}
