import type postgres from "postgres";
import { statsOf, type RunStats } from "./stats";

// The SQL floor: the queries an endpoint runs, sent straight through postgres.js with the same
// number of requests in flight as the HTTP run, so app/floor says what the app adds on top.

export type QueryWork = (sql: postgres.Sql) => Promise<unknown>;

export async function measureSql(sql: postgres.Sql, work: QueryWork, connections: number, amount: number, warmup: number): Promise<RunStats> {
  const run = async (total: number, record: boolean) => {
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < total) {
        next += 1;
        const t0 = process.hrtime.bigint();
        await work(sql);
        if (record) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    };
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: connections }, worker));
    return { latencies, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };
  await run(Math.max(warmup, connections), false);
  const { latencies, seconds } = await run(amount, true);
  return statsOf(latencies, seconds, 0);
}
