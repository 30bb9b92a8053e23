import type { ReactNode } from "react";

type Variant = "secondary" | "warning" | "start" | "inverse";

export function Button({
  children,
  href,
  variant,
  name,
  value,
  type = "submit",
  preventDoubleClick,
  form,
  formNoValidate,
  formAction,
  classes,
}: {
  children: ReactNode;
  href?: string;
  variant?: Variant;
  name?: string;
  value?: string;
  type?: "submit" | "button";
  preventDoubleClick?: boolean;
  form?: string;
  /** Posts without the browser's (and react-hook-form's) checks: "Add another", "Change". */
  formNoValidate?: boolean;
  /** Sends the form somewhere else (a download beside the page's own submit). */
  formAction?: string;
  /** Extra classes, as the Design System's `classes` (spacing overrides such as `govuk-!-margin-bottom-0`). */
  classes?: string;
}) {
  const className = `govuk-button${variant ? ` govuk-button--${variant}` : ""}${classes ? ` ${classes}` : ""}`;
  if (href) {
    return (
      <a href={href} role="button" draggable="false" className={className} data-module="govuk-button">
        {children}
        {variant === "start" ? (
          <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        ) : null}
      </a>
    );
  }
  return (
    <button
      type={type}
      className={className}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick ? "true" : undefined}
      name={name}
      value={value}
      form={form}
      formNoValidate={formNoValidate}
      formAction={formAction}
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
