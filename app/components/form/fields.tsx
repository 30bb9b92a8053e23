import type { ReactNode } from "react";
import { Checkboxes, DateInput, Radios, Select, TextInput, Textarea } from "#app/components/govuk";
import { useValidatedForm } from "./ValidatedForm";

// GOV.UK fields bound to the surrounding <ValidatedForm>: each registers with react-hook-form,
// shows its error, and starts with the answer last submitted (so pages re-shown by the server
// without JavaScript keep what the person typed).

function valueAt(values: Record<string, unknown>, name: string): unknown {
  return name.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), values);
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

interface Common {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  isPageHeading?: boolean;
}

export function TextField({
  name,
  label,
  hint,
  isPageHeading,
  type,
  autoComplete,
  spellCheck,
  width,
  inputMode,
}: Common & {
  type?: string;
  autoComplete?: string;
  spellCheck?: boolean;
  width?: "2" | "3" | "4" | "5" | "10" | "20" | "30";
  inputMode?: "numeric" | "text" | "email" | "tel";
}) {
  const { errors, values, register } = useValidatedForm();
  return (
    <TextInput
      id={name}
      name={name}
      label={label}
      labelIsPageHeading={isPageHeading}
      hint={hint}
      error={errors[name]}
      type={type}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      width={width}
      inputMode={inputMode}
      defaultValue={type === "password" ? undefined : asString(valueAt(values, name))}
      inputProps={register(name)}
    />
  );
}

export function TextareaField({ name, label, hint, isPageHeading, rows }: Common & { rows?: number }) {
  const { errors, values, register } = useValidatedForm();
  return (
    <Textarea
      id={name}
      name={name}
      label={label}
      labelIsPageHeading={isPageHeading}
      hint={hint}
      error={errors[name]}
      rows={rows}
      defaultValue={asString(valueAt(values, name))}
      textareaProps={register(name)}
    />
  );
}

export function SelectField({ name, label, hint, options }: Common & { options: { value: string; label: string }[] }) {
  const { errors, values, register } = useValidatedForm();
  return (
    <Select
      id={name}
      name={name}
      label={label}
      hint={hint}
      error={errors[name]}
      options={options}
      defaultValue={asString(valueAt(values, name))}
      selectProps={register(name)}
    />
  );
}

export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  conditional?: ReactNode;
}

export function RadiosField({
  name,
  legend,
  hint,
  items,
  isPageHeading,
  inline,
  small,
  legendSize,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  items: ChoiceItem[];
  isPageHeading?: boolean;
  inline?: boolean;
  small?: boolean;
  legendSize?: "s" | "m" | "l" | "xl";
}) {
  const { errors, values, register } = useValidatedForm();
  const registered = register(name);
  return (
    <Radios
      name={name}
      idPrefix={name}
      legend={legend}
      legendIsPageHeading={isPageHeading}
      legendSize={legendSize}
      hint={hint}
      error={errors[name]}
      items={items}
      defaultValue={asString(valueAt(values, name))}
      inline={inline}
      small={small}
      inputProps={() => registered}
    />
  );
}

export function CheckboxesField({ name, legend, hint, items }: { name: string; legend: ReactNode; hint?: ReactNode; items: ChoiceItem[] }) {
  const { errors, values, register } = useValidatedForm();
  const registered = register(name);
  const current = valueAt(values, name);
  return (
    <Checkboxes
      name={name}
      idPrefix={name}
      legend={legend}
      hint={hint}
      error={errors[name]}
      items={items}
      defaultValues={Array.isArray(current) ? current.map(String) : typeof current === "string" ? [current] : []}
      inputProps={() => registered}
    />
  );
}

export function DateField({ name, legend, hint, isPageHeading }: { name: string; legend: ReactNode; hint?: ReactNode; isPageHeading?: boolean }) {
  const { errors, values, register } = useValidatedForm();
  const current = (valueAt(values, name) ?? {}) as Record<string, unknown>;
  return (
    <DateInput
      id={name}
      namePrefix={name}
      legend={legend}
      legendIsPageHeading={isPageHeading}
      hint={hint}
      error={errors[name]}
      values={{ day: asString(current.day), month: asString(current.month), year: asString(current.year) }}
      inputProps={(part) => register(`${name}.${part}`)}
    />
  );
}
