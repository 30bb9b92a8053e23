import { createReadStream } from "node:fs";
import { loadSchools } from "../app/data/schools.server";
import { auditorFor } from "../app/utils/audit.server";
import type { Database } from "./client";
import { referenceFilePath } from "./reference/local-authorities";

// Demo schools: a handful of made-up schools in Camden and Leeds (URNs 99xxxx, which GIAS does not
// use), in a small extract with GIAS's real columns and encoding (Windows-1252), loaded through the
// same loader as the service admin's upload.
export const DEMO_GIAS_FILE = "demo-gias-schools.csv";

export async function seedDemoSchools(db: Database): Promise<void> {
  const result = await loadSchools(db, createReadStream(referenceFilePath(DEMO_GIAS_FILE)), auditorFor(null, null));
  if (!result.ok) throw new Error(`The demo schools did not load: ${result.message}`);
}
