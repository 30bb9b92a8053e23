import { useSyncExternalStore, type ReactNode } from "react";
import { useWatch } from "react-hook-form";
import { useValidatedForm } from "./ValidatedForm";

/**
 * A question that applies only for some answers to another (`when`), where a GOV.UK conditional
 * reveal cannot serve because more than one answer leads to it. With JavaScript it is hidden until
 * one of those answers is chosen; without JavaScript (and until the page's scripts run) it is
 * shown, as a conditional reveal is, and the server ignores its answer when it does not apply.
 */
export function ShownWhen({ when, is, children }: { when: string; is: readonly string[]; children: ReactNode }) {
  const { form } = useValidatedForm();
  const value = useWatch({ control: form.control, name: when }) as unknown;
  // False in the server's HTML and while hydrating (so the two match), true once the scripts run.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const applies = typeof value === "string" && is.includes(value);
  return <div hidden={scripted && !applies}>{children}</div>;
}

const noSubscription = () => () => {};
