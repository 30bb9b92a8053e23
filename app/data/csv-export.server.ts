import { once } from "node:events";
import { Readable } from "node:stream";
import { stringify, type Stringifier } from "csv-stringify";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { neutraliseFormula } from "#app/domain/formula-cells";
import type { CsvCell } from "#app/exports/csv-cells";
import { logger } from "#app/utils/logger.server";
import { db, rowsOf, type Transaction } from "#db/client";
import { users } from "#db/schema/index";
import { sqlStateOf } from "./transaction.server";
import { outer } from "./outer-column.server";

// Exports of a council's lists as CSV, streamed (decision 068): the rows are read through a cursor a
// batch at a time and written by csv-stringify as the reader takes them, so a register of tens of
// thousands of children is never held in memory. Every string cell passes through
// neutraliseFormula; the file starts with a byte order mark so Excel reads it as UTF-8.

export interface CsvExport<Row> {
  header: string[];
  /** The export's rows, in order: read through a cursor in the snapshot `prepare` saw. */
  rows: SQL;
  record(row: Row): CsvCell[];
}

// How the exports' queries give their cells, the same whichever database driver reads the cursor.
/** A date as ISO text (2026-12-01). */
export const isoDate = (column: AnyColumn) => sql<string | null>`${column}::text`;
/** An instant as ISO text in UTC (2026-12-01T15:36:49Z). */
export const isoInstant = (column: AnyColumn) => sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
/** A member of staff by name, not id. */
export const staffName = (userId: AnyColumn) => sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${outer(userId)})`;

/** A select list whose columns the cursor's rows carry by these names. */
export function selection(fields: Record<string, SQL>): SQL {
  return sql.join(
    Object.entries(fields).map(([name, value]) => sql`${value} as ${sql.identifier(name)}`),
    sql`, `,
  );
}

export const EXPORT_BATCH_SIZE = 500;
/** A reader that takes nothing for this long is cut off, and its connection let go. */
const STALLED_MS = 60_000;

/** Resolves when the writer wants more, the reader has gone, or the reader has stalled (then the file is ended). */
async function wanted(csv: Stringifier): Promise<void> {
  const stalled = new AbortController();
  const timer = setTimeout(() => stalled.abort(), STALLED_MS);
  try {
    await Promise.race([
      once(csv, "drain", { signal: stalled.signal }),
      once(csv, "close", { signal: stalled.signal }),
    ]);
  } catch {
    csv.destroy();
  } finally {
    clearTimeout(timer);
    stalled.abort();
  }
}

/**
 * An export as a stream of CSV bytes. `prepare` runs first, in the export's transaction, and
 * returns what to read (its audit event is written there, naming the rows the cursor then reads in
 * the same snapshot). Resolves once prepared, so a failure there is an error page, not a cut-off file.
 */
export async function streamCsvExport<Row>(name: string, prepare: (tx: Transaction) => Promise<CsvExport<Row>>): Promise<ReadableStream<Uint8Array>> {
  const csv = stringify({ bom: true, record_delimiter: "windows", cast: { string: neutraliseFormula } });
  // A reader that goes away destroys the writer; that ends the export, it is not a fault.
  csv.on("error", () => {});
  let prepared!: () => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    prepared = resolve;
    failed = reject;
  });
  // Not the retrying `transaction()`: a retry after rows have gone out would send them twice, and
  // nothing here can collide (reads, and one insert of the audit event). Repeatable read: the ids
  // the audit event names and the rows the cursor reads are the same snapshot.
  db.transaction(
    async (tx) => {
      const plan = await prepare(tx);
      await tx.execute(sql`declare csv_export no scroll cursor for ${plan.rows}`);
      prepared();
      if (!csv.write(plan.header)) await wanted(csv);
      while (!csv.destroyed) {
        const batch = rowsOf<Row>(await tx.execute(sql.raw(`fetch ${EXPORT_BATCH_SIZE} from csv_export`)));
        if (batch.length === 0) break;
        for (const row of batch) {
          if (csv.destroyed) break;
          if (!csv.write(plan.record(row))) await wanted(csv);
        }
      }
    },
    { isolationLevel: "repeatable read" },
  ).then(
    // The file ends once the transaction has committed: whoever has all of it, its audit event is written.
    () => csv.end(),
    (error: unknown) => {
      // The code only: an error's message may quote a row.
      logger.error({ export: name, code: sqlStateOf(error) }, "export failed");
      failed(error);
      csv.destroy(error instanceof Error ? error : new Error("export failed"));
    },
  );
  await ready;
  // csv-stringify's output is bytes (Buffers), the BOM first.
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
