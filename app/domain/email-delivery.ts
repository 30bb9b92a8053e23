// When a failed email is tried again, and when the service stops trying (decision 011). Pure: the
// outbox (app/utils/notify.server.ts) applies the answer.

/** How a sender failed: `permanent` when sending the same email again cannot succeed. */
export interface SendFailure {
  /** A short code of the sender's own (e.g. "smtp_451", "notify_400"): never a message or an address. */
  code: string;
  permanent: boolean;
}

export type AfterFailure = { kind: "retry"; at: Date } | { kind: "give-up" };

const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** The wait before attempt `attempts + 1`: a minute, doubling each time, at most an hour. */
export function retryDelayMs(attempts: number): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(FIRST_RETRY_MS * 2 ** doublings, LONGEST_WAIT_MS);
}

/** After `attempts` tries (this one included) that ended in `failure`. */
export function afterFailure(attempts: number, failure: SendFailure, now: Date, maxAttempts: number): AfterFailure {
  if (failure.permanent || attempts >= maxAttempts) return { kind: "give-up" };
  return { kind: "retry", at: new Date(now.getTime() + retryDelayMs(attempts)) };
}
