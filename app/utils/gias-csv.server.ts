import { Readable, pipeline } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { decodeWindows1252, GiasFileError, giasHeader, giasSchool, type GiasHeader, type GiasSchool } from "#app/domain/gias";

// Reads a GIAS establishment extract as it streams in: decoded from Windows-1252 (or UTF-8, when a
// byte order mark says someone re-saved it so), parsed with csv-parse, each row made a school by
// its columns' names (app/domain/gias.ts). Every way a file can be wrong is a GiasFileError whose
// sentence names the row and column, never the bytes found there.

/** The full extract was about 60 MB and 52,000 rows in 2025; these leave room without holding anything absurd. */
export const GIAS_MAX_BYTES = 150 * 1024 * 1024;
export const GIAS_MAX_ROWS = 200_000;
const MAX_RECORD_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

async function* decoded(input: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<string> {
  let total = 0;
  let utf8: TextDecoder | null = null;
  let first = true;
  for await (const chunk of input) {
    let bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
    total += bytes.length;
    if (total > maxBytes) throw new GiasFileError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, which is more than a Get Information About Schools extract should be.`);
    if (first && bytes.length > 0) {
      first = false;
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new GiasFileError("This is a ZIP file. Unzip it, then choose the CSV file inside.");
      if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
        utf8 = new TextDecoder("utf-8", { fatal: true });
        bytes = bytes.subarray(3);
      }
    }
    if (bytes.includes(0)) throw new GiasFileError("This is not a CSV file. Choose the \"all establishment data\" CSV file from Get Information About Schools.");
    try {
      yield utf8 ? utf8.decode(bytes, { stream: true }) : decodeWindows1252(bytes);
    } catch (error) {
      if (error instanceof TypeError) throw new GiasFileError("The file says it is UTF-8 but is not. Choose the CSV file as Get Information About Schools gave it.");
      throw error;
    }
  }
  if (first) throw new GiasFileError("The file is empty.");
  if (utf8) yield utf8.decode();
}

function csvProblem(error: CsvError): GiasFileError {
  const line = typeof error.lines === "number" ? error.lines : null;
  const where = line ? `Row ${line}` : "The file";
  if (error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" || error.code === "CSV_RECORD_INCONSISTENT_COLUMNS") {
    return new GiasFileError(`${where} has a different number of columns from the first row. Nothing was loaded: check the file is an unchanged extract.`);
  }
  if (error.code === "CSV_MAX_RECORD_SIZE") return new GiasFileError(`${where} is too long to be a school's row. Nothing was loaded.`);
  return new GiasFileError(`${where} could not be read as CSV (a quote is not closed, or a field is not separated by a comma). Nothing was loaded.`);
}

/** The bytes of an uploaded file (a web stream) or of a file read from disk (a Node stream), alike. */
export type ExtractBytes = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

async function* bytesOf(input: ExtractBytes): AsyncGenerator<Uint8Array> {
  if (!("getReader" in input)) return yield* input;
  const reader = input.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Every school in the extract, in file order. Throws GiasFileError for a file that is not one. */
export async function* readGiasExtract(input: ExtractBytes, limits: { maxBytes?: number; maxRows?: number } = {}): AsyncGenerator<GiasSchool> {
  const maxRows = limits.maxRows ?? GIAS_MAX_ROWS;
  const parser = parse({ skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES, relax_quotes: false, trim: false });
  pipeline(Readable.from(decoded(bytesOf(input), limits.maxBytes ?? GIAS_MAX_BYTES)), parser, () => {
    // Errors reach the loop below through the parser, which the pipeline destroys with them.
  });
  let header: GiasHeader | null = null;
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (!header) {
        header = giasHeader(record);
        continue;
      }
      if (line - 1 > maxRows) throw new GiasFileError(`The file has more than ${maxRows.toLocaleString("en-GB")} rows, more than a Get Information About Schools extract has.`);
      yield giasSchool(header, record, line);
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(error);
    throw error;
  } finally {
    parser.destroy();
  }
  if (!header) throw new GiasFileError("The file is empty.");
}
