import type { UseFormRegisterReturn } from "react-hook-form";
import { fieldId, useValidatedForm } from "./ValidatedForm";

export interface Field {
  /** The control's id: what the error summary links to. */
  id: string;
  name: string;
  /** The message to show beside the field, from the browser's check or the server's. */
  error: string | undefined;
  /** The answer last submitted (or the default): what the field starts with. */
  value: unknown;
  /** `value` as a control's `defaultValue`, when it is text or a number. */
  defaultValue: string | undefined;
  /** Registers a control (the field itself, or one part of it such as `born.day`) with the form. */
  register: (part?: string) => UseFormRegisterReturn;
}

/**
 * One field of the surrounding <ValidatedForm>: its id, error and starting answer, and how to
 * register its controls. Every field component reads the form through this, so a new kind of field
 * shows errors and keeps answers the same way as the others.
 */
export function useField(name: string): Field {
  const { errors, values, register } = useValidatedForm();
  const value = valueAt(values, name);
  return {
    id: fieldId(name),
    name,
    error: errors[name],
    value,
    defaultValue: asString(value),
    register: (part) => register(part ? `${name}.${part}` : name),
  };
}

function valueAt(values: Record<string, unknown>, name: string): unknown {
  return name.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), values);
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}
