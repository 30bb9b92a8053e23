import { zodResolver } from "@hookform/resolvers/zod";
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, type ReactNode } from "react";
import { FormProvider, useForm, type FieldValues, type Resolver, type UseFormRegister, type UseFormReturn } from "react-hook-form";
import { Form, useNavigation, useSubmit } from "react-router";
import type { z } from "zod";
import { fieldOrder, inFieldOrder, type FieldErrors, type RefusedSubmission } from "#app/forms/submission";
import { ErrorSummary } from "#app/components/govuk";
import { PageTitle } from "#app/components/PageTitle";

interface FormState {
  errors: FieldErrors;
  /** The answers to fill the fields with: the last submission's, or the defaults. */
  values: Record<string, unknown>;
  form: UseFormReturn<FieldValues>;
  /** Fields register through this, not `form.register`, so answers typed before hydration survive. */
  register: UseFormRegister<FieldValues>;
}

const ValidatedFormContext = createContext<FormState | null>(null);

export function useValidatedForm(): FormState {
  const state = useContext(ValidatedFormContext);
  if (!state) throw new Error("Form fields must be inside <ValidatedForm>");
  return state;
}

interface Props {
  schema: z.ZodType<unknown, FieldValues>;
  defaultValues: Record<string, unknown>;
  /** The action's answer when the server refused the submission (or re-showed the form). */
  refused?: RefusedSubmission | undefined;
  /** The page's title, prefixed "Error: " while there are errors. */
  pageTitle: string;
  action?: string;
  id?: string;
  /** "multipart/form-data" for a form with a file in it (a document upload). */
  encType?: "multipart/form-data";
  children: ReactNode;
}

/**
 * A form that validates in the browser with react-hook-form and the form's zod schema, then posts
 * the same fields the browser would post without JavaScript; the server parses them with the same
 * schema and has the last word. With JavaScript off it is a plain form: the server re-shows the
 * page with the errors and the answers kept.
 */
export function ValidatedForm({ schema, defaultValues, refused, pageTitle, action, id, encType, children }: Props) {
  const form = useForm<FieldValues>({
    // The schema turns form strings into typed values; the browser only needs its verdict.
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: refused?.values ?? defaultValues,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    // The GOV.UK pattern: a failed submit moves focus to the error summary (below), not to the first field.
    shouldFocusError: false,
  });
  const submit = useSubmit();
  const navigation = useNavigation();
  const summaryRef = useRef<HTMLDivElement>(null);
  const { setError, formState } = form;
  const register = useKeepAnswersGivenBeforeHydration(form);

  useEffect(() => {
    if (!refused) return;
    for (const [name, message] of Object.entries(refused.errors)) setError(name, { type: "server", message });
  }, [refused, setError]);

  const errors = formState.isSubmitted
    ? { ...inFieldOrder(clientErrors(formState.errors), fieldOrder(schema)), ...formErrorOf(refused) }
    : { ...(refused?.errors ?? {}), ...formErrorOf(refused) };
  const summary = Object.entries(errors).map(([name, text]) => ({ href: refused?.links?.[name] ?? `#${fieldId(name)}`, text }));

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.querySelector<HTMLElement>(".govuk-error-summary")?.focus();
    // Focus moves to the summary each time a submission comes back with problems.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formState.submitCount, refused]);

  return (
    <ValidatedFormContext.Provider value={{ errors, values: refused?.values ?? defaultValues, form, register }}>
      <PageTitle title={pageTitle} hasErrors={summary.length > 0} />
      <div ref={summaryRef}>
        <ErrorSummary errors={summary} />
      </div>
      <FormProvider {...form}>
        <Form
          method="post"
          action={action}
          id={id}
          encType={encType}
          noValidate
          onSubmit={(event) => {
            const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
            const target = event.currentTarget;
            // Buttons marked formNoValidate ("Add another", "Change") post without checking answers.
            if (submitter?.formNoValidate) {
              event.preventDefault();
              void submit(submitter, { method: "post", action, ...(encType ? { encType } : {}) });
              return;
            }
            void form.handleSubmit(() => submit(submitter ?? target, { method: "post", action, ...(encType ? { encType } : {}) }))(event);
          }}
          aria-busy={navigation.state === "submitting" || undefined}
        >
          {children}
        </Form>
      </FormProvider>
    </ValidatedFormContext.Provider>
  );
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
interface ControlState {
  value: string;
  checked: boolean;
}

/**
 * A server-rendered form can be filled in before React hydrates it. When react-hook-form registers
 * a field it writes its default into the control unless it sees the control was edited, and it
 * cannot see that for radios, so a choice made before hydration would be lost. This notes every
 * control's state as it registers during the first commit, then, once all have registered, puts
 * back any whose state registration changed and gives react-hook-form that answer. Later
 * registrations (fields added after the first render) pass straight through.
 */
function useKeepAnswersGivenBeforeHydration(form: UseFormReturn<FieldValues>): UseFormRegister<FieldValues> {
  const before = useRef<Map<Control, ControlState> | null>(new Map());
  const register = useCallback<UseFormRegister<FieldValues>>(
    (name, options) => {
      const registered = form.register(name, options);
      return {
        ...registered,
        ref: (control: Control | null) => {
          if (control && before.current && !before.current.has(control)) before.current.set(control, stateOf(control));
          registered.ref(control);
        },
      };
    },
    [form],
  );
  useLayoutEffect(() => {
    const states = before.current;
    before.current = null;
    if (!states) return;
    const changed = new Set([...states].filter(([control, state]) => control.isConnected && !sameState(stateOf(control), state)).map(([control]) => control.name));
    for (const name of changed) {
      const group = [...states].filter(([control]) => control.name === name);
      form.setValue(name, answerOf(group), { shouldDirty: true });
    }
  }, [form]);
  return register;
}

function stateOf(control: Control): ControlState {
  return { value: control.value, checked: control instanceof HTMLInputElement && control.checked };
}

function sameState(a: ControlState, b: ControlState): boolean {
  return a.value === b.value && a.checked === b.checked;
}

/** The answer a group of same-named controls gave, in react-hook-form's terms. */
function answerOf(group: [Control, ControlState][]): unknown {
  const [first] = group;
  if (!first) return undefined;
  const [control, state] = first;
  if (control.type === "radio") return group.find(([, s]) => s.checked)?.[1].value ?? "";
  if (control.type === "checkbox") {
    const chosen = group.filter(([, s]) => s.checked).map(([, s]) => s.value);
    return group.length > 1 ? chosen : (chosen[0] ?? false);
  }
  return state.value;
}

function formErrorOf(refused: RefusedSubmission | undefined): FieldErrors {
  return refused?.formError ? { form: refused.formError } : {};
}

/** react-hook-form keeps errors as a tree; the page wants one message per dotted name. */
function clientErrors(tree: unknown, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  if (!tree || typeof tree !== "object") return out;
  const node = tree as Record<string, unknown>;
  if (typeof node.message === "string" && prefix) {
    out[prefix] = node.message;
    return out;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref" || key === "type" || key === "types") continue;
    Object.assign(out, clientErrors(child, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

/**
 * The id a field's error links to. Date inputs link to their first box; every other field's id is
 * its name, so the summary's links land on the field itself.
 */
export function fieldId(name: string): string {
  return name === "form" ? "main-content" : name;
}
