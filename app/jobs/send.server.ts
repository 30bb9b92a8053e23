import type PgBoss from "pg-boss";

// Work a request asks for, to run in the job queue rather than in the request (an import of
// thousands of children): sent to the queue this process started (queue.server.ts). A process
// with no queue (a test, a script) sends nothing; each such job also has a sweep on a schedule
// that finds work waiting, so none is lost either way.

// Kept on the process, not in this module: the server's own bundle starts the queue, and the app's
// build (the routes) is another bundle with its own copy of this module.
const QUEUE = Symbol.for("children-not-in-school.job-queue");
const holder = globalThis as { [QUEUE]?: PgBoss | null };

export function setSendingQueue(boss: PgBoss | null): void {
  holder[QUEUE] = boss;
}

/** Sends a job once per `singletonKey` while one is waiting (pg-boss keeps one per key). */
export async function sendJob(name: string, data: object, singletonKey: string): Promise<void> {
  const queue = holder[QUEUE];
  if (!queue) return;
  await queue.send(name, data, { singletonKey, retryLimit: 3, retryDelay: 30, expireInSeconds: 60 * 60 });
}
