import type { ReactNode } from "react";
import { BackLink } from "#app/components/govuk";
import { PageTitle } from "./PageTitle";

/**
 * The frame of a page: its <title>, a back link, the caption and the one <h1>, in a two-thirds
 * column (the Design System's default width for reading) or across the whole page. Leave `title`
 * out when a <ValidatedForm> inside sets the title itself (it adds "Error: " when needed).
 */
export function PageShell({
  title,
  heading = title,
  caption,
  backLink,
  width = "two-thirds",
  children,
}: {
  title?: string;
  /** The page's <h1>, when it differs from the title (or when only a form inside sets the title). */
  heading?: ReactNode;
  caption?: ReactNode;
  backLink?: { href: string; text?: string };
  width?: "two-thirds" | "full";
  children?: ReactNode;
}) {
  const content = (
    <>
      {title ? <PageTitle title={title} /> : null}
      {backLink ? <BackLink href={backLink.href}>{backLink.text}</BackLink> : null}
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      {heading ? <h1 className="govuk-heading-l">{heading}</h1> : null}
      {children}
    </>
  );
  if (width === "full") return content;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">{content}</div>
    </div>
  );
}
