import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface LocalAuthorityReference {
  laCode: string;
  onsCode: string;
  name: string;
  current: boolean;
  /** The ONS region (E12000001-E12000009) and its name as DfE's statistics write it. */
  regionCode: string;
  regionName: string;
}

// Copied from shared/data (DfE analytical services' dfeR package, data-raw/old_la_codes.csv,
// filtered to England, with each authority's region from dfeR's geo_hierarchy) so a clone of this repository seeds without anything beside it.
const CSV_NAME = "english-local-authorities.csv";

/** A file of db/reference, wherever this module runs from. */
export function referenceFilePath(name: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Beside this file under tsx; under db/reference when bundled into build/ (build/server.js) or
  // into React Router's server build (build/server/index.js).
  const candidates = [path.join(here, name), path.resolve(here, "..", "db", "reference", name), path.resolve(here, "..", "..", "db", "reference", name)];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

/** Splits one CSV line, honouring double quotes ("Bristol, City of"). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export function loadLocalAuthorities(): LocalAuthorityReference[] {
  const lines = readFileSync(referenceFilePath(CSV_NAME), "utf8").trim().split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [laCode, onsCode, name, current, regionCode, regionName] = splitCsvLine(line);
    if (!laCode || !onsCode || !name || !regionCode || !regionName) throw new Error(`Bad local authority row: ${line}`);
    return { laCode, onsCode, name, current: current === "true", regionCode, regionName };
  });
}

/** The 153 authorities that exist today (since April 2023). */
export function currentLocalAuthorities(): LocalAuthorityReference[] {
  return loadLocalAuthorities().filter((la) => la.current);
}
