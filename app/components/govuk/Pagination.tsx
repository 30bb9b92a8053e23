export type PaginationItem = { number: number; href: string; current?: boolean } | { ellipsis: true };

/** GOV.UK's recommended shape: first, last, the current page and its neighbours, ellipses between. */
export function paginationItems(current: number, total: number, hrefFor: (page: number) => string): PaginationItem[] {
  const pages = new Set([1, total, current - 1, current, current + 1].filter((n) => n >= 1 && n <= total));
  const sorted = [...pages].sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: hrefFor(n), current: n === current });
  });
  return items;
}

export function Pagination({ previous, next, items }: { previous?: { href: string }; next?: { href: string }; items: PaginationItem[] }) {
  if (items.length <= 1 && !previous && !next) return null;
  return (
    <nav className="govuk-pagination" aria-label="Pagination">
      {previous ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={previous.href} rel="prev">
            <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {items.map((item, i) =>
          "ellipsis" in item ? (
            <li key={`e${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              &ctdot;
            </li>
          ) : (
            <li key={item.number} className={`govuk-pagination__item${item.current ? " govuk-pagination__item--current" : ""}`}>
              <a className="govuk-link govuk-pagination__link" href={item.href} aria-label={`Page ${item.number}`} aria-current={item.current ? "page" : undefined}>
                {item.number}
              </a>
            </li>
          ),
        )}
      </ul>
      {next ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={next.href} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
