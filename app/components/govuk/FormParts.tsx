import type { ReactNode } from "react";

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

export type LegendSize = "s" | "m" | "l" | "xl";
export type LabelSize = LegendSize;

export function Label({ htmlFor, children, isPageHeading, size }: { htmlFor?: string; children: ReactNode; isPageHeading?: boolean; size?: LabelSize }) {
  const resolved = size ?? (isPageHeading ? "l" : undefined);
  const className = `govuk-label${resolved ? ` govuk-label--${resolved}` : ""}`;
  if (isPageHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className={className} htmlFor={htmlFor}>
          {children}
        </label>
      </h1>
    );
  }
  return (
    <label className={className} htmlFor={htmlFor}>
      {children}
    </label>
  );
}

export function Fieldset({
  legend,
  legendIsPageHeading,
  legendSize,
  describedBy,
  classes,
  children,
}: {
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  legendSize?: LegendSize;
  describedBy?: string;
  /** Extra classes, as the Design System's `classes` (spacing overrides). */
  classes?: string;
  children: ReactNode;
}) {
  const size = legendSize ?? (legendIsPageHeading ? "l" : undefined);
  return (
    <fieldset className={`govuk-fieldset${classes ? ` ${classes}` : ""}`} aria-describedby={describedBy || undefined}>
      <legend className={`govuk-fieldset__legend${size ? ` govuk-fieldset__legend--${size}` : ""}`}>
        {legendIsPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}

/** The ids a field's aria-describedby lists: its hint, then its error. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FormGroup({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>{children}</div>;
}
