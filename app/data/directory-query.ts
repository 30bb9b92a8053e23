// Shared by the directory's search form and API parsing (browser-safe) and the data layer.
export const DIRECTORY_PAGE_SIZE = 20;
export const MAX_API_PAGE_SIZE = 100;
