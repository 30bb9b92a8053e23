import type { ReactNode } from "react";
import { Checkboxes, DateInput, Radios, Select, TextInput, Textarea } from "#app/components/govuk";
import { asString, useField } from "./useField";

// GOV.UK fields bound to the surrounding <ValidatedForm> through `useField`: each registers with
// react-hook-form, shows its error, and starts with the answer last submitted (so pages re-shown by
// the server without JavaScript keep what the person typed).

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
  const field = useField(name);
  return (
    <TextInput
      id={field.id}
      name={name}
      label={label}
      labelIsPageHeading={isPageHeading}
      hint={hint}
      error={field.error}
      type={type}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      width={width}
      inputMode={inputMode}
      defaultValue={type === "password" ? undefined : field.defaultValue}
      inputProps={field.register()}
    />
  );
}

export function TextareaField({ name, label, hint, isPageHeading, rows }: Common & { rows?: number }) {
  const field = useField(name);
  return (
    <Textarea
      id={field.id}
      name={name}
      label={label}
      labelIsPageHeading={isPageHeading}
      hint={hint}
      error={field.error}
      rows={rows}
      defaultValue={field.defaultValue}
      textareaProps={field.register()}
    />
  );
}

export function SelectField({ name, label, hint, options, width }: Common & { options: { value: string; label: string }[]; width?: "full" }) {
  const field = useField(name);
  return (
    <Select
      width={width}
      id={field.id}
      name={name}
      label={label}
      hint={hint}
      error={field.error}
      options={options}
      defaultValue={field.defaultValue}
      selectProps={field.register()}
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
  const field = useField(name);
  const registered = field.register();
  return (
    <Radios
      name={name}
      idPrefix={field.id}
      legend={legend}
      legendIsPageHeading={isPageHeading}
      legendSize={legendSize}
      hint={hint}
      error={field.error}
      items={items}
      defaultValue={field.defaultValue}
      inline={inline}
      small={small}
      inputProps={() => registered}
    />
  );
}

export function CheckboxesField({ name, legend, hint, items, legendSize }: { name: string; legend: ReactNode; hint?: ReactNode; items: ChoiceItem[]; legendSize?: "s" | "m" | "l" | "xl" }) {
  const field = useField(name);
  const registered = field.register();
  const current = field.value;
  return (
    <Checkboxes
      name={name}
      idPrefix={field.id}
      legend={legend}
      legendSize={legendSize}
      hint={hint}
      error={field.error}
      items={items}
      defaultValues={Array.isArray(current) ? current.map(String) : typeof current === "string" ? [current] : []}
      inputProps={() => registered}
    />
  );
}

export function DateField({ name, legend, hint, isPageHeading }: { name: string; legend: ReactNode; hint?: ReactNode; isPageHeading?: boolean }) {
  const field = useField(name);
  const current = (field.value ?? {}) as Record<string, unknown>;
  return (
    <DateInput
      id={field.id}
      namePrefix={name}
      legend={legend}
      legendIsPageHeading={isPageHeading}
      hint={hint}
      error={field.error}
      values={{ day: asString(current.day), month: asString(current.month), year: asString(current.year) }}
      inputProps={(part) => field.register(part)}
    />
  );
}
