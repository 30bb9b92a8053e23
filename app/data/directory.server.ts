import { and, asc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { IsoDate } from "#app/domain/dates";
import type { Pattern, ProvisionType } from "#app/domain/directory-vocabulary";
import { readStale, type Database } from "#db/client";
import { listings, listingSites, organisations } from "#db/schema/index";
import { DIRECTORY_PAGE_SIZE, MAX_API_PAGE_SIZE } from "./directory-query";
import { escapeLike } from "./like-pattern";

// The public directory and its open data: only listings that are approved and not past their end
// date (the same rule as isPubliclyListed in the lifecycle), and only what was listed, never the
// application behind it. No sign-in, so nothing here may reach a draft, a refusal or a suspension.
// The same for everyone and fine a moment stale, so these reads go to a read replica when there is
// one (readStale, decision 027).

export function publiclyListed(today: IsoDate): SQL {
  return and(eq(listings.state, "approved"), gte(listings.listedUntil, today))!;
}

export interface DirectoryQuery {
  q?: string | undefined;
  /** DfE 3-digit LA code. */
  la?: string | undefined;
  /** Postcode district ("NW1"). */
  district?: string | undefined;
  type?: ProvisionType | undefined;
  age?: number | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const listedSite = (where: SQL) =>
  sql`exists (select 1 from ${listingSites} where ${listingSites.listingId} = ${listings.id} and ${listingSites.kind} = 'listed' and ${where})`;

function conditions(query: DirectoryQuery, today: IsoDate): SQL {
  const parts: (SQL | undefined)[] = [publiclyListed(today)];
  const words = (query.q ?? "").trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
  for (const word of words) parts.push(sql`lower(${listings.listedName}) like ${`%${escapeLike(word)}%`}`);
  if (query.la) parts.push(listedSite(sql`${listingSites.laId} = (select ${organisations.id} from ${organisations} where ${organisations.laCode} = ${query.la})`));
  if (query.district) parts.push(listedSite(eq(listingSites.district, query.district.trim().toUpperCase())));
  if (query.type) parts.push(sql`${listings.provisionTypes} @> array[${query.type}]::text[]`);
  if (query.age !== undefined) parts.push(and(lte(listings.ageMin, query.age), gte(listings.ageMax, query.age)));
  return and(...parts)!;
}

export interface ListedSite {
  /** Stable while the site stays on the listing: the id a placement (and the placement-check API) names. */
  id: string;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  town: string;
  postcode: string;
  district: string;
  laCode: string;
  laName: string;
  capacity: number;
}

export interface ListedProvider {
  id: string;
  name: string;
  legalName: string;
  organisationType: string;
  companyNumber: string | null;
  charityNumber: string | null;
  ofstedUrn: string | null;
  provisionTypes: ProvisionType[];
  ageMin: number;
  ageMax: number;
  pattern: Pattern;
  listedSince: IsoDate;
  listedUntil: IsoDate;
  conditions: string | null;
  standards: Record<string, IsoDate>;
  insurance: { employersLiabilityExpiresOn: IsoDate; publicLiabilityExpiresOn: IsoDate };
  /** Null when the listing has none (listed before the application asked for one). */
  contact: { email: string | null; phone: string | null; website: string | null } | null;
  sites: ListedSite[];
}

const columns = {
  listingId: listings.id,
  id: listings.organisationId,
  name: listings.listedName,
  provisionTypes: listings.provisionTypes,
  ageMin: listings.ageMin,
  ageMax: listings.ageMax,
  pattern: listings.pattern,
  listedSince: listings.listedSince,
  listedUntil: listings.listedUntil,
  conditions: listings.conditions,
  details: listings.listedDetails,
  contactEmail: listings.contactEmail,
  contactPhone: listings.contactPhone,
  contactWebsite: listings.contactWebsite,
};

async function withSites(db: Database, rows: { listingId: string; id: string; name: string | null; provisionTypes: string[] | null; ageMin: number | null; ageMax: number | null; pattern: string | null; listedSince: string | null; listedUntil: string | null; conditions: string | null; details: Record<string, unknown> | null; contactEmail: string | null; contactPhone: string | null; contactWebsite: string | null }[]): Promise<ListedProvider[]> {
  if (rows.length === 0) return [];
  const sites = await db
    .select({
      listingId: listingSites.listingId,
      id: listingSites.id,
      name: listingSites.name,
      addressLine1: listingSites.addressLine1,
      addressLine2: listingSites.addressLine2,
      town: listingSites.town,
      postcode: listingSites.postcode,
      district: listingSites.district,
      laCode: organisations.laCode,
      laName: organisations.name,
      capacity: listingSites.capacity,
    })
    .from(listingSites)
    .innerJoin(organisations, eq(organisations.id, listingSites.laId))
    .where(and(inArray(listingSites.listingId, rows.map((r) => r.listingId)), eq(listingSites.kind, "listed")))
    .orderBy(asc(listingSites.position));
  return rows.map((r) => {
    const d = (r.details ?? {}) as Record<string, any>;
    return {
      id: r.id,
      name: r.name ?? "",
      legalName: d.legalName,
      organisationType: d.organisationType,
      companyNumber: d.companyNumber ?? null,
      charityNumber: d.charityNumber ?? null,
      ofstedUrn: d.ofstedUrn ?? null,
      provisionTypes: (r.provisionTypes ?? []) as ProvisionType[],
      ageMin: r.ageMin!,
      ageMax: r.ageMax!,
      pattern: r.pattern as Pattern,
      listedSince: r.listedSince!,
      listedUntil: r.listedUntil!,
      conditions: r.conditions,
      standards: d.standards ?? {},
      insurance: d.insurance ?? {},
      contact: r.contactEmail || r.contactPhone || r.contactWebsite ? { email: r.contactEmail, phone: r.contactPhone, website: r.contactWebsite } : null,
      sites: sites.filter((s) => s.listingId === r.listingId).map(({ listingId: _l, laCode, ...s }) => ({ ...s, laCode: laCode! })),
    };
  });
}


/** A page of listed providers matching the search, by name. */
export async function searchDirectory(query: DirectoryQuery, today: IsoDate) {
  const where = conditions(query, today);
  const pageSize = Math.min(query.pageSize ?? DIRECTORY_PAGE_SIZE, MAX_API_PAGE_SIZE);
  const page = Math.max(1, Math.min(query.page ?? 1, 10_000));
  return readStale(async (db) => {
    const [rows, [total]] = await Promise.all([
      db
        .select(columns)
        .from(listings)
        .where(where)
        .orderBy(asc(sql`lower(${listings.listedName})`), asc(listings.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(listings).where(where),
    ]);
    return { providers: await withSites(db, rows), total: Number(total?.n ?? 0), page, pageSize };
  });
}

/** Every listed provider matching the filters, for the CSV download (5,000 providers at most). */
export async function allListedProviders(query: DirectoryQuery, today: IsoDate): Promise<ListedProvider[]> {
  return readStale(async (db) => {
    const rows = await db.select(columns).from(listings).where(conditions(query, today)).orderBy(asc(sql`lower(${listings.listedName})`), asc(listings.id));
    return withSites(db, rows);
  });
}

/** One listed provider by its organisation id, or null when it is not publicly listed. */
export async function listedProvider(providerId: string, today: IsoDate): Promise<ListedProvider | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(providerId)) return null;
  return readStale(async (db) => {
    const rows = await db.select(columns).from(listings).where(and(eq(listings.organisationId, providerId), publiclyListed(today)));
    const [provider] = await withSites(db, rows);
    return provider ?? null;
  });
}

/** The LAs to choose from in the search form. */
export function localAuthorityOptions() {
  return readStale((db) =>
    db
      .select({ code: organisations.laCode, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, "local_authority"))
      .orderBy(asc(organisations.name)),
  );
}
