import autocannon from "autocannon";
import { statsOf, type RunStats } from "./stats";

// One load run with autocannon: a warm-up, then a fixed number of requests at a concurrency. Every
// response's time is kept, so p95 is the real 95th percentile (autocannon's own summary has p97.5).

export interface HttpTarget {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Runs `amount` requests and returns the seconds from the first request's start to the last
 * response. (Timing autocannon's whole run would add up to a second of its own ticking.)
 */
async function fire(target: HttpTarget, connections: number, amount: number, onResponse?: (status: number, ms: number) => void): Promise<number> {
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url: target.url, method: target.method ?? "GET", headers: target.headers, body: target.body, connections, amount, timeout: 30 }, (error) => (error ? reject(error) : resolve()));
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      const now = performance.now();
      first = Math.min(first, now - ms);
      last = Math.max(last, now);
      onResponse?.(status, ms);
    });
  });
  return (last - first) / 1000;
}

export async function measureHttp(target: HttpTarget, connections: number, amount: number, warmup: number): Promise<RunStats> {
  await fire(target, connections, Math.max(warmup, connections));
  const latencies: number[] = [];
  let errors = 0;
  const seconds = await fire(target, connections, amount, (status, ms) => {
    latencies.push(ms);
    if (status >= 400) errors += 1;
  });
  return statsOf(latencies, seconds, errors);
}
