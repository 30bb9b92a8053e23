// Shared by the placement lists' loaders and pages (so not in a .server module).
export const PLACEMENTS_PAGE_SIZE = 50;
