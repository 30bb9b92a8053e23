import type { ReactNode } from "react";

export function ErrorSummary({ errors, titleText = "There is a problem" }: { errors: { href: string; text: string }[]; titleText?: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{titleText}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.href}${error.text}`}>
                <a href={error.href}>{error.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * A row's action: a link, or a submit button of the surrounding form (check-your-answers pages
 * that carry the answers in the form itself), shown as a link.
 */
export type SummaryAction = { text: string; visuallyHiddenText: string } & ({ href: string } | { button: { name: string; value: string } });

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryAction[];
}

/**
 * An action's hidden text, as the Design System builds it: " <visually hidden text>", then
 * " (<card title>)" inside a summary card, so "Change" says what it changes and where.
 */
function hiddenText(visuallyHiddenText: string | undefined, cardTitle: string | undefined): ReactNode {
  if (!visuallyHiddenText && !cardTitle) return null;
  return (
    <span className="govuk-visually-hidden">
      {visuallyHiddenText ? ` ${visuallyHiddenText}` : ""}
      {cardTitle ? ` (${cardTitle})` : ""}
    </span>
  );
}

function Actions({ actions, cardTitle }: { actions: SummaryAction[]; cardTitle?: string }) {
  const link = (a: SummaryAction) =>
    "href" in a ? (
      <a className="govuk-link" href={a.href}>
        {a.text}
        {hiddenText(a.visuallyHiddenText, cardTitle)}
      </a>
    ) : (
      <button type="submit" className="govuk-link app-link-button" name={a.button.name} value={a.button.value} formNoValidate>
        {a.text}
        {hiddenText(a.visuallyHiddenText, cardTitle)}
      </button>
    );
  if (actions.length === 1) return <dd className="govuk-summary-list__actions">{link(actions[0]!)}</dd>;
  return (
    <dd className="govuk-summary-list__actions">
      <ul className="govuk-summary-list__actions-list">
        {actions.map((a) => (
          <li key={`${"href" in a ? a.href : a.button.value} ${a.text}`} className="govuk-summary-list__actions-list-item">
            {link(a)}
          </li>
        ))}
      </ul>
    </dd>
  );
}

export function SummaryList({ rows, noBorder, card }: { rows: SummaryRow[]; noBorder?: boolean; card?: { title: string; actions?: CardAction[] } }) {
  const anyActions = rows.some((row) => row.actions && row.actions.length > 0);
  const list = (
    <dl className={`govuk-summary-list${noBorder ? " govuk-summary-list--no-border" : ""}`}>
      {rows.map((row, i) => (
        <div key={i} className={`govuk-summary-list__row${anyActions && !row.actions?.length ? " govuk-summary-list__row--no-actions" : ""}`}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.actions?.length ? <Actions actions={row.actions} cardTitle={card?.title} /> : null}
        </div>
      ))}
    </dl>
  );
  if (!card) return list;
  return (
    <SummaryCard title={card.title} actions={card.actions}>
      {list}
    </SummaryCard>
  );
}

export interface CardAction {
  href: string;
  text: string;
  visuallyHiddenText?: string;
}

/**
 * A summary card: a titled box around a summary list or other content, with its own actions (one
 * is a plain link; several are a list), each action's hidden text ending with the card's title.
 */
export function SummaryCard({
  title,
  headingLevel = 2,
  actions = [],
  children,
}: {
  title: string;
  headingLevel?: 2 | 3 | 4;
  actions?: CardAction[];
  children: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  const link = (a: CardAction) => (
    <a className="govuk-link" href={a.href}>
      {a.text}
      {hiddenText(a.visuallyHiddenText, title)}
    </a>
  );
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{title}</Heading>
        {actions.length === 1 ? <div className="govuk-summary-card__actions">{link(actions[0]!)}</div> : null}
        {actions.length > 1 ? (
          <ul className="govuk-summary-card__actions">
            {actions.map((a) => (
              <li key={`${a.href} ${a.text}`} className="govuk-summary-card__action">
                {link(a)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}

export interface TableCell {
  text: ReactNode;
  format?: "numeric";
  header?: boolean;
}

export function Table({
  caption,
  captionSize = "m",
  head,
  rows,
  firstCellIsHeader,
}: {
  caption?: ReactNode;
  captionSize?: "s" | "m" | "l" | "xl";
  head: { text: ReactNode; format?: "numeric"; sort?: "ascending" | "descending" | "none" }[];
  rows: { cells: TableCell[] }[];
  firstCellIsHeader?: boolean;
}) {
  const numeric = (format?: "numeric") => (format === "numeric" ? " govuk-table__cell--numeric" : "");
  // On a narrow screen (WCAG 1.4.10, reflow at 320 px) each row becomes a block of "heading: value"
  // lines, the headings taken from the column headers. The ARIA roles keep it a table for screen
  // readers, which would otherwise lose its structure when CSS changes how it is displayed.
  const labels = head.map((cell) => (typeof cell.text === "string" ? cell.text : undefined));
  const stacked = labels.every((label) => label !== undefined);
  return (
    <table className={`govuk-table${stacked ? " app-table--stacked" : ""}`} role={stacked ? "table" : undefined}>
      {caption ? <caption className={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption> : null}
      <thead className="govuk-table__head" role={stacked ? "rowgroup" : undefined}>
        <tr className="govuk-table__row" role={stacked ? "row" : undefined}>
          {head.map((cell, i) => (
            <th key={i} scope="col" className={`govuk-table__header${format(cell.format)}`} aria-sort={cell.sort} role={stacked ? "columnheader" : undefined}>
              {cell.text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body" role={stacked ? "rowgroup" : undefined}>
        {rows.map((row, r) => (
          <tr key={r} className="govuk-table__row" role={stacked ? "row" : undefined}>
            {row.cells.map((cell, i) =>
              cell.header || (firstCellIsHeader && i === 0) ? (
                <th key={i} scope="row" className={`govuk-table__header${format(cell.format)}`} role={stacked ? "rowheader" : undefined} data-label={labels[i] || undefined}>
                  {cell.text}
                </th>
              ) : (
                <td key={i} className={`govuk-table__cell${numeric(cell.format)}`} role={stacked ? "cell" : undefined} data-label={labels[i] || undefined}>
                  {cell.text}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function format(value?: "numeric"): string {
  return value === "numeric" ? " govuk-table__header--numeric" : "";
}

export type TagColour = "grey" | "green" | "turquoise" | "blue" | "light-blue" | "purple" | "pink" | "red" | "orange" | "yellow";

export function Tag({ children, colour }: { children: ReactNode; colour?: TagColour }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ""}`}>{children}</strong>;
}

export function NotificationBanner({
  title,
  type,
  heading,
  children,
  titleId = "govuk-notification-banner-title",
}: {
  title?: string;
  type?: "success";
  heading?: ReactNode;
  children?: ReactNode;
  titleId?: string;
}) {
  const success = type === "success";
  return (
    <div
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role={success ? "alert" : "region"}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? "Success" : "Important")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}

export function BackLink({ href, children = "Back" }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} className="govuk-back-link">
      {children}
    </a>
  );
}

export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title">{title}</h1>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

export function WarningText({ children, iconFallbackText = "Warning" }: { children: ReactNode; iconFallbackText?: string }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span>
        {children}
      </strong>
    </div>
  );
}

/**
 * Warning text whose content is more than a sentence: a bold heading, then paragraphs or a list.
 * The Design System's `<strong>` may hold only phrasing content, so here the text is a `<div>`
 * with the same class (GOV.UK Frontend styles the class, not the element) and the heading carries
 * the bold weight.
 */
export function BlockWarningText({ heading, children, iconFallbackText = "Warning" }: { heading: ReactNode; children: ReactNode; iconFallbackText?: string }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span>
        <p className="govuk-body govuk-!-font-weight-bold">{heading}</p>
        {children}
      </div>
    </div>
  );
}

export function Details({ summary, children, open }: { summary: ReactNode; children: ReactNode; open?: boolean }) {
  return (
    <details className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

export interface TaskListItem {
  title: string;
  href?: string;
  hint?: ReactNode;
  status: { text: string; tag?: TagColour };
}

export function TaskList({ items, idPrefix = "task-list" }: { items: TaskListItem[]; idPrefix?: string }) {
  return (
    <ul className="govuk-task-list">
      {items.map((item, i) => {
        const n = i + 1;
        const statusId = `${idPrefix}-${n}-status`;
        const hintId = `${idPrefix}-${n}-hint`;
        return (
          <li key={item.title} className={`govuk-task-list__item${item.href ? " govuk-task-list__item--with-link" : ""}`}>
            <div className="govuk-task-list__name-and-hint">
              {item.href ? (
                <a className="govuk-link govuk-task-list__link" href={item.href} aria-describedby={item.hint ? `${hintId} ${statusId}` : statusId}>
                  {item.title}
                </a>
              ) : (
                <div>{item.title}</div>
              )}
              {item.hint ? (
                <div id={hintId} className="govuk-task-list__hint">
                  {item.hint}
                </div>
              ) : null}
            </div>
            <div className={`govuk-task-list__status${item.href ? "" : " govuk-task-list__status--cannot-start-yet"}`} id={statusId}>
              {item.status.tag ? <Tag colour={item.status.tag}>{item.status.text}</Tag> : item.status.text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
