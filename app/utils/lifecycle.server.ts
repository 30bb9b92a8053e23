// The process's state, as readiness and metrics see it. Held on globalThis because the HTTP server
// (build/server.js) and the React Router build are bundled separately and both need the one copy.

export type JobQueueState = "disabled" | "starting" | "running" | "stopped";

export interface Lifecycle {
  /** True from the shut-down signal on: readiness answers 503 so the load balancer sends no more. */
  draining: boolean;
  jobQueue: JobQueueState;
  /** The newest migration this build carries (its journal's `when`), set at start-up. */
  latestMigration: number | null;
}

const KEY = Symbol.for("cnis.lifecycle");
type Holder = { [KEY]?: Lifecycle };

export function lifecycle(): Lifecycle {
  const holder = globalThis as Holder;
  holder[KEY] ??= { draining: false, jobQueue: "starting", latestMigration: null };
  return holder[KEY];
}
