import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { describedBy, ErrorMessage, FormGroup, Hint, Label, type LabelSize } from "./FormParts";

type Width = "2" | "3" | "4" | "5" | "10" | "20" | "30" | "full" | "three-quarters" | "two-thirds" | "one-half" | "one-third" | "one-quarter";

interface FieldProps {
  id: string;
  name: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  /** The label's size class (`govuk-label--s`...), as the Design System's `label.classes`. */
  labelSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
}

function widthClass(width: Width | undefined): string {
  if (!width) return "";
  return /^\d+$/.test(width) ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`;
}

export function TextInput({
  id,
  name,
  label,
  labelIsPageHeading,
  labelSize,
  hint,
  error,
  defaultValue,
  type = "text",
  autoComplete,
  inputMode,
  spellCheck,
  width,
  inputProps,
}: FieldProps & {
  type?: string;
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>["inputMode"];
  spellCheck?: boolean;
  width?: Width;
  inputProps?: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}) {
  return (
    <FormGroup error={error}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading} size={labelSize}>
        {label}
      </Label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input
        {...inputProps}
        className={`govuk-input${widthClass(width)}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FormGroup>
  );
}

export function Textarea({
  id,
  name,
  label,
  labelIsPageHeading,
  labelSize,
  hint,
  error,
  defaultValue,
  rows = 5,
  textareaProps,
}: FieldProps & { rows?: number; textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> } }) {
  return (
    <FormGroup error={error}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading} size={labelSize}>
        {label}
      </Label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <textarea
        {...textareaProps}
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FormGroup>
  );
}

export function Select({
  id,
  name,
  label,
  labelSize,
  hint,
  error,
  defaultValue,
  options,
  width,
  selectProps,
}: FieldProps & {
  options: { value: string; label: string; disabled?: boolean }[];
  width?: Extract<Width, "full" | "three-quarters" | "two-thirds" | "one-half" | "one-third" | "one-quarter">;
  selectProps?: SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> };
}) {
  return (
    <FormGroup error={error}>
      <Label htmlFor={id} size={labelSize}>
        {label}
      </Label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <select
        {...selectProps}
        className={`govuk-select${widthClass(width)}${error ? " govuk-select--error" : ""}`}
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

/** The Design System's file upload (without the enhanced drop zone, so it works without JavaScript). */
export function FileUpload({ id, name, label, labelSize, hint, error, accept }: Omit<FieldProps, "defaultValue" | "labelIsPageHeading"> & { accept?: string }) {
  return (
    <FormGroup error={error}>
      <Label htmlFor={id} size={labelSize}>
        {label}
      </Label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`} id={id} name={name} type="file" accept={accept} aria-describedby={describedBy(id, hint, error)} />
    </FormGroup>
  );
}
