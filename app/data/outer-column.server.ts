import { getTableName, sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * A column of the outer query, named with its table, for use inside a correlated subquery. In a
 * select from one table drizzle writes that table's columns bare ("id", "la_id", "upn"), and inside
 * a subquery a bare name is taken by the subquery's own table whenever it has a column so named:
 * `exists (select 1 from placements where "child_id" = "id")` compares placements with themselves.
 * Naming the outer column in full makes the subquery mean what it says whatever the select joins.
 */
export function outer(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
