import { sql } from "drizzle-orm";
import { listings, organisations } from "#db/schema/index";

/**
 * A provider's name as councils and the public read it: the listing's name where it has one,
 * else the organisation's legal name. The query must join `listings` and `organisations`.
 */
export const providerName = sql<string>`coalesce(${listings.listedName}, ${organisations.name})`;
