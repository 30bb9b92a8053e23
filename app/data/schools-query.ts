/** How many schools a page of the council admin's list shows (shared by the page and the data layer). */
export const SCHOOLS_PAGE_SIZE = 50;
