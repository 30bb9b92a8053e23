import type postgres from "postgres";

// EXPLAIN (ANALYZE) of a query: its execution time, and every table it read by sequential scan.

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

export function seqScannedTables(plan: PlanNode): string[] {
  const own = plan["Node Type"] === "Seq Scan" && plan["Relation Name"] ? [plan["Relation Name"]] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(seqScannedTables)];
}

export async function explain(sql: postgres.Sql, query: string, params: (string | number | string[])[]): Promise<{ ms: number; seqScans: string[] }> {
  const [row] = await sql.unsafe(`explain (analyze, format json) ${query}`, params);
  const [result] = (row as Record<string, unknown>)["QUERY PLAN"] as [{ Plan: PlanNode; "Execution Time": number }];
  return { ms: Math.round(result.Plan ? result["Execution Time"] * 1000 : 0) / 1000, seqScans: seqScannedTables(result.Plan) };
}
