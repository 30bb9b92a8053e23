// Shared by the search form (browser) and the data layer (server).
export const SORTS = ["name", "date_of_birth", "date_entered"] as const;
export type Sort = (typeof SORTS)[number];
