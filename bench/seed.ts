// `npm run bench:seed`: a national dataset in the PostgreSQL database named by DATABASE_URL,
// deterministic from BENCH_SEED, bulk-loaded with COPY (never row by row through the app).
// BENCH_SCALE=small loads 20,000 children for the harness's own test.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import postgres from "postgres";
import { childReferenceFromSequence } from "../app/domain/child-reference";
import { addDays } from "../app/domain/dates";
import { nhsCheckDigit } from "../app/domain/nhs-number";
import { EDUCATION_STATUSES, SOCIAL_CARE_STATUSES } from "../app/domain/register-vocabulary";
import { makeUpn } from "../app/domain/upn";
import { hashPassword } from "../app/utils/password.server";
import { connect } from "../db/client";
import { migrate } from "../db/migrate";
import { seedReferenceData } from "../db/seed";
import { randomFrom } from "./random";

export const BENCH_PASSWORD = "benchmark-officer-password";
export const BENCH_OFFICER = "bench.officer@bench.example";

const FIRST = ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Freya", "Noah", "Muhammad", "George", "Oliver", "Leo", "Arthur", "Oscar", "Theodore", "Aisha", "Zara", "Maryam", "Ibrahim", "Yusuf", "Ruby", "Grace", "Jack", "Harry", "Charlie", "Alfie", "Evie", "Sophia", "Amara"];
const LAST = ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Khan", "Ahmed", "Ali", "Hussain", "Begum", "Singh", "Murphy", "Kelly", "Nowak", "Kowalski", "Okafor", "Mensah"];
// Proportions from DOMAIN.md's scale: home education is the largest group, then children missing
// education, then unregistered settings; most children have no social care involvement.
const STATUS_WEIGHTS: [(typeof EDUCATION_STATUSES)[number], number][] = [
  ["elective_home_education", 50],
  ["not_on_roll", 17],
  ["unregistered_setting", 14],
  ["on_roll_arranged_elsewhere", 10],
  ["on_roll_full_absence", 5],
  ["eotas", 4],
];
const SOCIAL_CARE_WEIGHTS: [(typeof SOCIAL_CARE_STATUSES)[number], number][] = [
  ["none", 78],
  ["child_in_need_plan", 10],
  ["child_protection_plan", 5],
  ["looked_after", 5],
  ["s47_enquiry", 2],
];

function csv(value: string | number | null): string {
  if (value === null) return "\\N";
  const text = String(value);
  return /[",\n\\]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("bench:seed needs DATABASE_URL (a PostgreSQL database it may fill)");
  const children = process.env.BENCH_SCALE === "small" ? 20_000 : Number(process.env.BENCH_CHILDREN ?? 1_000_000);
  const random = randomFrom(Number(process.env.BENCH_SEED ?? 20261123));
  const connection = connect({ databaseUrl: url, maxConnections: 2 });
  await migrate(connection);
  await seedReferenceData(connection.db);
  await connection.close();

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const las = await sql<{ id: string; la_code: string; name: string }[]>`select id, la_code, name from organisations where kind = 'local_authority' order by la_code`;
  // Bigger councils have bigger registers: weight each LA by a deterministic size in 1..10.
  const laWeights = las.map((la) => [la, 1 + (Number(la.la_code) % 10)] as const);
  const largest = las.find((la) => la.la_code === "330") ?? las[0]!; // Birmingham, England's largest LA

  const [existing] = await sql<{ n: number }[]>`select count(*)::int as n from children`;
  if ((existing?.n ?? 0) > 0) {
    console.info(`children already holds ${existing!.n} rows: delete them (or use a new database) to reseed.`);
    await sql.end();
    return;
  }
  const started = Date.now();
  const copy = await sql`copy children (la_id, child_reference, reference_number, first_name, last_name, date_of_birth, sex, address_line_1, town, postcode, upn, nhs_number, education_status, sen_status, social_care_status, at_risk_of_harm_from_home, sources, date_entered) from stdin with (format csv, null '\\N')`.writable();
  const sources = JSON.stringify({ name: "parent", dateOfBirth: "la_records", address: "la_records", parents: "parent", education: "parent" });
  function* rows() {
    for (let n = 1; n <= children; n++) {
      const la = n % 20 === 0 ? largest : random.weighted(laWeights);
      const dob = addDays("2010-09-01", random.int(0, 11 * 365));
      // Identifiers are derived from n, so they are unique (as real ones are) and valid.
      const upn = random.next() < 0.85 ? makeUpn(la.la_code, String(1000 + (Math.floor(n / 1000) % 9000)), dob.slice(2, 4), String(n % 1000).padStart(3, "0")) : null;
      let nhs: string | null = null;
      if (random.next() < 0.8) {
        for (let k = 0; k < 10 && !nhs; k++) {
          const first9 = String(400_000_000 + n * 10 + k);
          const check = nhsCheckDigit(first9);
          if (check !== null) nhs = `${first9}${check}`;
        }
      }
      const social = random.weighted(SOCIAL_CARE_WEIGHTS);
      const line = [
        la.id,
        childReferenceFromSequence(n),
        n,
        random.pick(FIRST),
        random.pick(LAST),
        dob,
        random.next() < 0.5 ? "female" : "male",
        `${random.int(1, 300)} ${random.pick(["High Street", "Church Road", "Station Road", "Park Avenue", "Mill Lane"])}`,
        la.name,
        `${random.pick(["B", "M", "LS", "NW", "SE", "E", "N", "CB", "OX", "NE"])}${random.int(1, 30)} ${random.int(1, 9)}${random.pick(["AB", "DF", "HJ", "LN", "PQ", "RT", "UW", "XY"])}`,
        upn,
        nhs,
        random.weighted(STATUS_WEIGHTS),
        random.weighted([["none", 80], ["sen_support", 14], ["ehc_plan", 6]] as const),
        social,
        social !== "none" && random.next() < 0.3 ? "t" : "f",
        sources,
        addDays("2024-09-01", random.int(0, 700)),
      ];
      yield `${line.map(csv).join(",")}\n`;
    }
  }
  await pipeline(Readable.from(rows()), copy as unknown as Writable);
  const seconds = (Date.now() - started) / 1000;
  await sql`select setval('child_reference_seq', ${children})`;
  await sql`analyze children`;

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await sql`insert into users (email, name, role, organisation_id, password_hash) values (${BENCH_OFFICER}, 'Benchmark officer', 'council_officer', ${largest.id}, ${passwordHash}) on conflict do nothing`;
  console.info(`Loaded ${children.toLocaleString("en-GB")} children in ${seconds.toFixed(1)} s (${Math.round(children / seconds).toLocaleString("en-GB")} rows/s).`);
  console.info(`Sign in as ${BENCH_OFFICER} / ${BENCH_PASSWORD} (council officer, ${largest.name}).`);
  await sql.end();
}

await main();
