import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { describedBy, ErrorMessage, Fieldset, FormGroup, Hint, type LegendSize } from "./FormParts";

export type DatePart = "day" | "month" | "year";
const PARTS: { part: DatePart; label: string; width: string }[] = [
  { part: "day", label: "Day", width: "2" },
  { part: "month", label: "Month", width: "2" },
  { part: "year", label: "Year", width: "4" },
];

/**
 * GOV.UK date input. The day box's id is the field's id itself, so an error summary link to
 * `#<id>` lands on the first box, as the Design System asks.
 */
export function DateInput({
  id,
  namePrefix,
  legend,
  legendIsPageHeading,
  legendSize,
  hint,
  error,
  values = {},
  inputProps,
}: {
  id: string;
  namePrefix: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  legendSize?: LegendSize;
  hint?: ReactNode;
  error?: string;
  values?: Partial<Record<DatePart, string | undefined>>;
  inputProps?: (part: DatePart) => InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}) {
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} legendIsPageHeading={legendIsPageHeading} legendSize={legendSize} describedBy={describedBy(id, hint, error)}>
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input" id={`${id}-date`}>
          {PARTS.map(({ part, label, width }) => {
            const inputId = part === "day" ? id : `${id}-${part}`;
            return (
              <div key={part} className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                    {label}
                  </label>
                  <input
                    {...inputProps?.(part)}
                    className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
                    id={inputId}
                    name={`${namePrefix}.${part}`}
                    type="text"
                    inputMode="numeric"
                    defaultValue={values[part]}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
