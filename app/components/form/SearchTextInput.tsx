/**
 * A search form's text box (GET forms: no react-hook-form), with the GOV.UK error message when the
 * text could not be searched for (a control or invisible character).
 */
export function SearchTextInput(props: { label: string; hint?: string; value: string; error?: string | undefined; className?: string; autoComplete?: string }) {
  const describedBy = [props.hint ? "q-hint" : null, props.error ? "q-error" : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${props.error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor="q">
        {props.label}
      </label>
      {props.hint ? (
        <div className="govuk-hint" id="q-hint">
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <p id="q-error" className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {props.error}
        </p>
      ) : null}
      <input
        className={`govuk-input${props.className ? ` ${props.className}` : ""}${props.error ? " govuk-input--error" : ""}`}
        id="q"
        name="q"
        type="search"
        defaultValue={props.value}
        aria-describedby={describedBy}
        spellCheck={false}
        autoComplete={props.autoComplete}
      />
    </div>
  );
}
