import { ErrorMessage } from "#app/components/govuk";

/** The directory's "Local authority" filter: every English LA by name, or any. */
export function LocalAuthoritySelect({
  label,
  las,
  value,
  fullWidth,
  error,
}: {
  label: string;
  las: { code: string | null; name: string }[];
  value: string;
  fullWidth?: boolean;
  error?: string | undefined;
}) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor="la">
        {label}
      </label>
      {error ? <ErrorMessage id="la-error">{error}</ErrorMessage> : null}
      <select
        className={`govuk-select${fullWidth ? " govuk-!-width-full" : ""}${error ? " govuk-select--error" : ""}`}
        id="la"
        name="la"
        defaultValue={value}
        aria-describedby={error ? "la-error" : undefined}
      >
        <option value="">Any</option>
        {las.map((la) => (
          <option key={la.code} value={la.code ?? ""}>
            {la.name}
          </option>
        ))}
      </select>
    </div>
  );
}
