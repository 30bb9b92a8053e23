// `npm run bench:seed`: a national dataset in the PostgreSQL database named by DATABASE_URL,
// deterministic from BENCH_SEED, bulk-loaded with COPY (never row by row through the app):
// 153 LAs, 1,000,000 children, 5,000 providers with 15,000 sites in every lifecycle state, and
// 100,000 placements. BENCH_SCALE=small loads a fiftieth of that, for the harness's own test.
import { pathToFileURL } from "node:url";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { childReferenceFromSequence } from "../app/domain/child-reference";
import { addDays, londonDate, type IsoDate } from "../app/domain/dates";
import { PATTERNS, PROVISION_TYPES } from "../app/domain/directory-vocabulary";
import type { ListingState } from "../app/domain/listing-lifecycle";
import { nhsCheckDigit } from "../app/domain/nhs-number";
import { postcodeDistrict } from "../app/domain/postcode";
import { EDUCATION_STATUSES, SOCIAL_CARE_STATUSES } from "../app/domain/register-vocabulary";
import { makeUpn } from "../app/domain/upn";
import { hashPassword } from "../app/utils/password.server";
import { connect } from "../db/client";
import { migrate } from "../db/migrate";
import { seedReferenceData } from "../db/seed";
import { randomFrom } from "./random";

export const BENCH_PASSWORD = "benchmark-officer-password";
export const BENCH_OFFICER = "bench.officer@bench.example";

export interface BenchScale {
  children: number;
  providers: number;
  sitesPerProvider: number;
  placements: number;
}

export const FULL_SCALE: BenchScale = { children: 1_000_000, providers: 5_000, sitesPerProvider: 3, placements: 100_000 };
export const SMALL_SCALE: BenchScale = { children: 20_000, providers: 100, sitesPerProvider: 3, placements: 2_000 };

export function scaleFromEnv(env: NodeJS.ProcessEnv = process.env): BenchScale {
  if (env.BENCH_SCALE === "small") return SMALL_SCALE;
  return { ...FULL_SCALE, children: Number(env.BENCH_CHILDREN ?? FULL_SCALE.children) };
}

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
// Most providers in the directory are listed; every other state is there too.
const LISTING_STATE_WEIGHTS: [ListingState, number][] = [
  ["approved", 70],
  ["draft", 7],
  ["submitted", 6],
  ["changes_requested", 3],
  ["refused", 2],
  ["suspended", 3],
  ["revoked", 2],
  ["expired", 7],
];
const EVER_LISTED: ReadonlySet<ListingState> = new Set(["approved", "suspended", "revoked", "expired"]);
const PROVIDER_WORDS = ["Bright", "Harbour", "Northern", "Riverside", "Oak", "Summit", "Pathway", "Horizon", "Forge", "Meadow", "Compass", "Beacon", "Lantern", "Willow", "Kestrel"];
const PROVIDER_KINDS = ["Learning", "Tuition", "Outdoor Education", "Skills Centre", "Mentoring", "Arts Studio", "Academy Trust Services"];
const POSTCODE_AREAS = ["B", "M", "LS", "NW", "SE", "E", "N", "CB", "OX", "NE"];

function csv(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  const text = typeof value === "boolean" ? (value ? "t" : "f") : String(value);
  return /[",\n\\]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Random = ReturnType<typeof randomFrom>;

/** A version-4-shaped UUID from the seeded generator, so the dataset's ids are deterministic too. */
function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function postcode(random: Random): string {
  return `${random.pick(POSTCODE_AREAS)}${random.int(1, 30)} ${random.int(1, 9)}${random.pick(["AB", "DF", "HJ", "LN", "PQ", "RT", "UW", "XY"])}`;
}

async function copyRows(sql: postgres.Sql, statement: string, rows: Iterable<(string | number | boolean | null)[]>): Promise<number> {
  let n = 0;
  const copy = await sql.unsafe(statement).writable();
  function* lines() {
    for (const row of rows) {
      n += 1;
      yield `${row.map(csv).join(",")}\n`;
    }
  }
  await pipeline(Readable.from(lines()), copy as unknown as Writable);
  return n;
}

export interface SeedReport {
  table: string;
  rows: number;
  seconds: number;
}

interface La {
  id: string;
  la_code: string;
  name: string;
}

/**
 * Loads the dataset into an empty database (migrating it first). Returns the rows and time for each
 * table. A database that already holds children is left alone.
 */
export async function seedBench(url: string, scale: BenchScale, seed = 20261123, log: (line: string) => void = console.info): Promise<SeedReport[] | null> {
  const random = randomFrom(seed);
  const today = londonDate(new Date());
  const connection = connect({ databaseUrl: url, maxConnections: 2 });
  await migrate(connection);
  await seedReferenceData(connection.db);
  await connection.close();

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await sql<{ n: number }[]>`select count(*)::int as n from children`;
    if ((existing?.n ?? 0) > 0) {
      log(`children already holds ${existing!.n} rows: delete them (or use a new database) to reseed.`);
      return null;
    }
    const las = await sql<La[]>`select id, la_code, name from organisations where kind = 'local_authority' order by la_code`;
    // Bigger councils have bigger registers: weight each LA by a deterministic size in 1..10.
    const laWeights = las.map((la) => [la, 1 + (Number(la.la_code) % 10)] as const);
    const largest = las.find((la) => la.la_code === "330") ?? las[0]!; // Birmingham, England's largest LA
    const reports: SeedReport[] = [];
    const timed = async (table: string, load: () => Promise<number>) => {
      const started = Date.now();
      const rows = await load();
      const seconds = (Date.now() - started) / 1000;
      reports.push({ table, rows, seconds });
      log(`${table}: ${rows.toLocaleString("en-GB")} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString("en-GB")} rows/s)`);
    };

    // One officer per LA (placements need someone who made them); Birmingham's is the one the
    // benchmark signs in as.
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const officerOf = new Map<string, string>();
    await timed("users", () =>
      copyRows(
        sql,
        "copy users (id, email, name, role, organisation_id, password_hash) from stdin with (format csv, null '\\N')",
        las.map((la) => {
          const id = uuidFrom(random);
          officerOf.set(la.id, id);
          return [id, la.id === largest.id ? BENCH_OFFICER : `officer.${la.la_code}@bench.example`, `Benchmark officer, ${la.name}`, "council_officer", la.id, passwordHash];
        }),
      ),
    );

    // Each child's reference first: an entry's reference is a child's (decision 032).
    await timed("child references", () =>
      copyRows(
        sql,
        "copy child_references (reference, reference_number) from stdin with (format csv, null '\\N')",
        (function* () {
          for (let n = 1; n <= scale.children; n++) yield [childReferenceFromSequence(n), n];
        })(),
      ),
    );

    // Children: ids kept by LA, to place some of them later.
    const childrenOfLa = new Map<string, { id: string; dob: IsoDate }[]>();
    await timed("children", () =>
      copyRows(
        sql,
        "copy children (id, la_id, child_reference, reference_number, first_name, last_name, date_of_birth, sex, address_line_1, town, postcode, upn, nhs_number, education_status, sen_status, social_care_status, at_risk_of_harm_from_home, sources, date_entered, status_since, owner_user_id) from stdin with (format csv, null '\\N')",
        (function* () {
          // Every item's own source (s436C, decision 074): each parent's is on its row.
          const sources = JSON.stringify({ name: "parent", dateOfBirth: "la_records", address: "la_records", senStatus: "la_records", socialCareStatus: "la_records" });
          for (let n = 1; n <= scale.children; n++) {
            const la = n % 20 === 0 ? largest : random.weighted(laWeights);
            const id = uuidFrom(random);
            const dob = addDays("2010-09-01", random.int(0, 11 * 365));
            let list = childrenOfLa.get(la.id);
            if (!list) childrenOfLa.set(la.id, (list = []));
            list.push({ id, dob });
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
            const entered = addDays("2024-09-01", random.int(0, 700));
            yield [
              id,
              la.id,
              childReferenceFromSequence(n),
              n,
              random.pick(FIRST),
              random.pick(LAST),
              dob,
              random.next() < 0.5 ? "female" : "male",
              `${random.int(1, 300)} ${random.pick(["High Street", "Church Road", "Station Road", "Park Avenue", "Mill Lane"])}`,
              la.name,
              postcode(random),
              upn,
              nhs,
              random.weighted(STATUS_WEIGHTS),
              random.weighted([["none", 80], ["sen_support", 14], ["ehc_plan", 6]] as const),
              social,
              social !== "none" && random.next() < 0.3,
              sources,
              entered,
              entered,
              // Most of a council's entries are in its one officer's caseload; some wait unassigned.
              random.next() < 0.9 ? officerOf.get(la.id)! : null,
            ];
          }
        })(),
      ),
    );
    await sql`select setval('child_reference_seq', ${scale.children})`;
    // One parent per child, for the register search by a parent's name.
    await timed("parents_and_carers", () =>
      copyRows(
        sql,
        "copy parents_and_carers (child_id, la_id, position, name, relationship, has_parental_responsibility, lives_with_child, source) from stdin with (format csv, null '\\N')",
        (function* () {
          for (const [laId, list] of childrenOfLa) for (const c of list) yield [c.id, laId, 0, `${random.pick(FIRST)} ${random.pick(LAST)}`, "mother", true, true, "parent"];
        })(),
      ),
    );

    // Providers, their listings (every state) and sites (listed where ever listed, else proposed).
    interface Provider {
      organisationId: string;
      listingId: string;
      name: string;
      state: ListingState;
      ageMin: number;
      ageMax: number;
    }
    const providers: Provider[] = [];
    await timed("organisations (providers)", () =>
      copyRows(
        sql,
        "copy organisations (id, kind, name) from stdin with (format csv, null '\\N')",
        (function* () {
          for (let n = 1; n <= scale.providers; n++) {
            const name = `${random.pick(PROVIDER_WORDS)} ${random.pick(PROVIDER_KINDS)} ${n}`;
            const ageMin = random.int(5, 12);
            providers.push({ organisationId: uuidFrom(random), listingId: uuidFrom(random), name, state: random.weighted(LISTING_STATE_WEIGHTS), ageMin, ageMax: random.int(Math.max(ageMin + 3, 14), 18) });
            yield [providers[n - 1]!.organisationId, "provider", name];
          }
        })(),
      ),
    );
    await timed("listings", () =>
      copyRows(
        sql,
        "copy listings (id, organisation_id, state, submitted_at, listed_since, listed_until, listed_name, provision_types, age_min, age_max, pattern, listed_details) from stdin with (format csv, null '\\N')",
        providers.map((p) => {
          const listed = EVER_LISTED.has(p.state);
          const listedUntil = p.state === "approved" ? addDays(today, random.int(30, 365)) : p.state === "expired" ? addDays(today, -random.int(1, 200)) : listed ? addDays(today, random.int(-30, 300)) : null;
          const types = PROVISION_TYPES.filter(() => random.next() < 0.35);
          const details = { legalName: `${p.name} Ltd`, tradingName: null, organisationType: "company", companyNumber: String(10_000_000 + random.int(0, 89_999_999)).slice(0, 8), charityNumber: null, ofstedUrn: null, standards: {}, insurance: { employersLiabilityExpiresOn: addDays(today, 200), publicLiabilityExpiresOn: addDays(today, 200) } };
          return [
            p.listingId,
            p.organisationId,
            p.state,
            p.state === "draft" ? null : new Date(Date.now() - random.int(1, 400) * 86_400_000).toISOString(),
            listed ? addDays(listedUntil!, -365) : null,
            listedUntil,
            listed ? p.name : null,
            listed ? `{${(types.length ? types : ["academic"]).join(",")}}` : null,
            listed ? p.ageMin : null,
            listed ? p.ageMax : null,
            listed ? random.pick(PATTERNS) : null,
            listed ? JSON.stringify(details) : null,
          ];
        }),
      ),
    );
    interface Site {
      id: string;
      provider: Provider;
      laId: string;
      name: string;
      postcode: string;
      capacity: number;
    }
    const placeable: Site[] = [];
    await timed("listing_sites", () =>
      copyRows(
        sql,
        "copy listing_sites (id, listing_id, kind, position, name, address_line_1, town, postcode, district, la_id, capacity) from stdin with (format csv, null '\\N')",
        (function* () {
          for (const provider of providers) {
            for (let position = 0; position < scale.sitesPerProvider; position++) {
              const la = random.weighted(laWeights);
              const site: Site = { id: uuidFrom(random), provider, laId: la.id, name: `${provider.name} site ${position + 1}`, postcode: postcode(random), capacity: random.int(10, 40) };
              if (provider.state === "approved" && childrenOfLa.has(la.id)) placeable.push(site);
              yield [site.id, provider.listingId, EVER_LISTED.has(provider.state) ? "listed" : "proposed", position, site.name, `${random.int(1, 200)} Market Street`, la.name, site.postcode, postcodeDistrict(site.postcode), la.id, site.capacity];
            }
          }
        })(),
      ),
    );

    // Placements at approved providers' listed sites, each by an officer of the child's LA (the
    // site's), in runs one after another so no site goes over its capacity on any day.
    const nextFree = new Map<string, IsoDate[]>();
    await timed("placements", () =>
      copyRows(
        sql,
        "copy placements (child_id, la_id, provider_id, listing_id, site_id, site_name, site_postcode, start_date, end_date, pattern, days_per_week, sessions_per_week, hours_per_week, reason, created_by) from stdin with (format csv, null '\\N')",
        (function* () {
          if (placeable.length === 0) return;
          for (let n = 0; n < scale.placements; n++) {
            const site = random.pick(placeable);
            const children = childrenOfLa.get(site.laId)!;
            const child = random.pick(children);
            // Each site has `capacity` lanes; a placement goes in the lane free soonest.
            let lanes = nextFree.get(site.id);
            if (!lanes) nextFree.set(site.id, (lanes = Array.from({ length: site.capacity }, () => addDays(today, -random.int(300, 500)))));
            let lane = 0;
            for (let i = 1; i < lanes.length; i++) if (lanes[i]! < lanes[lane]!) lane = i;
            const start = lanes[lane]!;
            const fullTime = random.next() < 0.2;
            const end = addDays(start, fullTime ? random.int(14, 84) - 1 : random.int(28, 180) - 1);
            lanes[lane] = addDays(end, 1);
            const days = random.int(1, 2);
            yield [
              child.id,
              site.laId,
              site.provider.organisationId,
              site.provider.listingId,
              site.id,
              site.name,
              site.postcode,
              start,
              end,
              fullTime ? "full_time" : "part_time",
              fullTime ? null : days,
              fullTime ? null : random.int(days, days * 2),
              fullTime ? 25 : days * 5,
              "Generated for the benchmark",
              officerOf.get(site.laId)!,
            ];
          }
        })(),
      ),
    );
    // A live database has been vacuumed by the time anyone searches it: the visibility map lets
    // counts be answered from indexes alone, and without hint bits the first reads would rewrite
    // every page the COPY wrote. (Autovacuum may be slow to come round, or off.)
    const vacuumStarted = Date.now();
    await sql`vacuum (analyze)`;
    log(`vacuum (analyze): ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    log(`Sign in as ${BENCH_OFFICER} / ${BENCH_PASSWORD} (council officer, ${largest.name}).`);
    return reports;
  } finally {
    await sql.end();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("bench:seed needs DATABASE_URL (a PostgreSQL database it may fill)");
  await seedBench(url, scaleFromEnv(), Number(process.env.BENCH_SEED ?? 20261123));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
