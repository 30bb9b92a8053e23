/** The directory's "Local authority" filter: every English LA by name, or any. */
export function LocalAuthoritySelect({ label, las, value, fullWidth }: { label: string; las: { code: string | null; name: string }[]; value: string; fullWidth?: boolean }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor="la">
        {label}
      </label>
      <select className={`govuk-select${fullWidth ? " govuk-!-width-full" : ""}`} id="la" name="la" defaultValue={value}>
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
