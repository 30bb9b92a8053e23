import type { ReactNode } from "react";
import { Button } from "./Button";

/**
 * A search or filter form: a GET form in a search landmark (named for screen reader users), its
 * fields, then a secondary "Search" button. A GET form works without JavaScript and its answers
 * stay in the address, so a search can be bookmarked and shared.
 */
export function SearchForm({ label, action, submitText = "Search", children }: { label: string; action?: string; submitText?: string; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label}>
      {children}
      <Button variant="secondary">{submitText}</Button>
    </form>
  );
}
