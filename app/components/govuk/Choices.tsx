import { useEffect, useRef, useState, type ChangeEvent, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { describedBy, ErrorMessage, Fieldset, FormGroup, Hint, type LegendSize } from "./FormParts";

type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown when the item is chosen (always shown without JavaScript, as GOV.UK Frontend does). */
  conditional?: ReactNode;
  disabled?: boolean;
  behaviour?: "exclusive";
}

interface ChoicesProps {
  name: string;
  idPrefix?: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  legendSize?: LegendSize;
  hint?: ReactNode;
  error?: string;
  items: (ChoiceItem | { divider: string })[];
  inputProps?: (value: string) => InputProps;
}

/** GOV.UK item ids: the first is the prefix itself (so error links land on it), then -2, -3... */
export function itemId(prefix: string, index: number): string {
  return index === 0 ? prefix : `${prefix}-${index + 1}`;
}

function Choices({
  kind,
  name,
  idPrefix,
  legend,
  legendIsPageHeading,
  legendSize,
  hint,
  error,
  items,
  inputProps,
  initial,
  modifiers,
}: ChoicesProps & { kind: "radios" | "checkboxes"; initial: string[]; modifiers: string }) {
  const prefix = idPrefix ?? name;
  const [chosen, setChosen] = useState<string[]>(initial);
  const group = useRef<HTMLDivElement>(null);
  // A choice made before the page's scripts ran still reveals its follow-up question once they have.
  useEffect(() => {
    const checked = [...(group.current?.querySelectorAll("input") ?? [])].filter((input) => input.name === name && input.checked).map((input) => input.value);
    setChosen((current) => (current.length === checked.length && current.every((value) => checked.includes(value)) ? current : checked));
  }, [name]);
  const onChange = (event: ChangeEvent<HTMLInputElement>, value: string, extra?: InputProps) => {
    extra?.onChange?.(event);
    if (kind === "radios") setChosen([value]);
    else setChosen((current) => (event.target.checked ? [...current, value] : current.filter((v) => v !== value)));
  };
  // Item ids count choices only, not dividers.
  const indexOf = new Map(items.filter((item): item is ChoiceItem => !("divider" in item)).map((item, i) => [item.value, i]));
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} legendIsPageHeading={legendIsPageHeading} legendSize={legendSize} describedBy={describedBy(prefix, hint, error)}>
        {hint ? <Hint id={`${prefix}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${prefix}-error`}>{error}</ErrorMessage> : null}
        <div ref={group} className={`govuk-${kind}${modifiers}`} data-module={`govuk-${kind}`}>
          {items.map((item) => {
            if ("divider" in item) {
              return (
                <div key={`divider-${item.divider}`} className={`govuk-${kind}__divider`}>
                  {item.divider}
                </div>
              );
            }
            const id = itemId(prefix, indexOf.get(item.value) ?? 0);
            const extra = inputProps?.(item.value);
            const checked = chosen.includes(item.value);
            return (
              <div key={item.value}>
                <div className={`govuk-${kind}__item`}>
                  <input
                    {...extra}
                    className={`govuk-${kind}__input`}
                    id={id}
                    name={name}
                    type={kind === "radios" ? "radio" : "checkbox"}
                    value={item.value}
                    defaultChecked={initial.includes(item.value)}
                    disabled={item.disabled}
                    onChange={(event) => onChange(event, item.value, extra)}
                    aria-describedby={item.hint ? `${id}-item-hint` : undefined}
                    aria-controls={item.conditional ? `conditional-${id}` : undefined}
                    data-behaviour={item.behaviour}
                  />
                  <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
                    {item.label}
                  </label>
                  {item.hint ? (
                    <div id={`${id}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                      {item.hint}
                    </div>
                  ) : null}
                </div>
                {item.conditional ? (
                  <div className={`govuk-${kind}__conditional${checked ? "" : ` govuk-${kind}__conditional--hidden`}`} id={`conditional-${id}`}>
                    {item.conditional}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}

export function Radios(props: ChoicesProps & { defaultValue?: string; inline?: boolean; small?: boolean }) {
  const modifiers = `${props.inline ? " govuk-radios--inline" : ""}${props.small ? " govuk-radios--small" : ""}`;
  return <Choices {...props} kind="radios" initial={props.defaultValue ? [props.defaultValue] : []} modifiers={modifiers} />;
}

export function Checkboxes(props: ChoicesProps & { defaultValues?: string[]; small?: boolean }) {
  return <Choices {...props} kind="checkboxes" initial={props.defaultValues ?? []} modifiers={props.small ? " govuk-checkboxes--small" : ""} />;
}
