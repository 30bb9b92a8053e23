import type PgBoss from "pg-boss";

// Work a request asks for, to run in the job queue rather than in the request (an import of
// thousands of children): sent to the queue this process started (queue.server.ts). A process
// with no queue (a test, a script) sends nothing; each such job also has a sweep on a schedule
// that finds work waiting, so none is lost either way.

let queue: PgBoss | null = null;

export function setSendingQueue(boss: PgBoss | null): void {
  queue = boss;
}

/** Sends a job once per `singletonKey` while one is waiting (pg-boss keeps one per key). */
export async function sendJob(name: string, data: object, singletonKey: string): Promise<void> {
  if (!queue) return;
  await queue.send(name, data, { singletonKey, retryLimit: 3, retryDelay: 30, expireInSeconds: 60 * 60 });
}
