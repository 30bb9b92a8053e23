// When the timeout warning shows and what it says (WCAG 2.2.1, decision 064). Pure: the page passes
// the server's answer (when the session ends, and the server's clock when it said so) and its own
// monotonic clock, so a browser clock set wrong moves nothing.

export interface SessionStatus {
  /** The server's clock when it answered, in ms since the epoch. */
  serverNow: number;
  /** When the server will refuse the session, in ms since the epoch. */
  expiresAt: number;
  /** When the absolute lifetime ends: "Stay signed in" cannot go past it. */
  absoluteExpiresAt: number;
}

export type TimeoutPlan =
  | { kind: "wait"; checkInMs: number }
  | { kind: "warn"; endsInMs: number; canExtend: boolean }
  | { kind: "ended" };

/**
 * What to do `elapsedMs` after the server answered: wait (and ask the server again when the warning
 * is due, since another tab may have kept the session alive), warn, or say it has ended.
 */
export function timeoutPlan(status: SessionStatus, elapsedMs: number, warningLeadMs: number): TimeoutPlan {
  const remaining = status.expiresAt - status.serverNow - elapsedMs;
  if (remaining <= 0) return { kind: "ended" };
  if (remaining > warningLeadMs) return { kind: "wait", checkInMs: remaining - warningLeadMs };
  // Within a few seconds of the absolute end, extending would buy nothing worth a button.
  return { kind: "warn", endsInMs: remaining, canExtend: status.absoluteExpiresAt - status.expiresAt > 1_000 };
}

/** "2 minutes", "1 minute 5 seconds", "45 seconds": the time left as the warning reads it. */
export function timeLeftText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (minutes === 0) return unit(seconds, "second");
  return seconds === 0 ? unit(minutes, "minute") : `${unit(minutes, "minute")} ${unit(seconds, "second")}`;
}

/**
 * What a screen reader hears while the warning is open: the time left, at most every 15 seconds in
 * the last minute and at each whole minute before (announcing every second would drown the page).
 */
export function announcementText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const rounded = total > 60 ? Math.ceil(total / 60) * 60 : Math.ceil(total / 15) * 15;
  return `You will be signed out in ${timeLeftText(rounded * 1000)}`;
}
