// Shared by the review pages (browser) and the review data layer (server).
export const REVIEW_PAGE_SIZE = 50;
