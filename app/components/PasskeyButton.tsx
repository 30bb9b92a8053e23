import { href } from "react-router";
import { useState, useSyncExternalStore } from "react";

// A passkey needs the browser's WebAuthn API, so JavaScript: without it (or in a browser without
// WebAuthn) the button is not shown and the page says what to use instead (decision 041).

const noSubscription = () => () => {};

type Mode = { kind: "authenticate"; redirectTo: string } | { kind: "register" };

async function post(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: "POST", body: new URLSearchParams(fields), credentials: "same-origin" });
}

async function run(mode: Mode): Promise<string | null> {
  const browser = await import("@simplewebauthn/browser");
  const url = mode.kind === "register" ? href("/webauthn/register") : href("/webauthn/authenticate");
  const options = await (await post(url, { intent: "options" })).json();
  const response =
    mode.kind === "register" ? await browser.startRegistration({ optionsJSON: options }) : await browser.startAuthentication({ optionsJSON: options });
  const answer = await post(url, { intent: "verify", response: JSON.stringify(response), ...(mode.kind === "authenticate" ? { redirectTo: mode.redirectTo } : {}) });
  const body = (await answer.json()) as { ok: boolean; redirectTo?: string; reason?: string };
  if (!body.ok) throw new Error(body.reason === "throttled" ? "throttled" : "refused");
  return body.redirectTo ?? null;
}

export function PasskeyButton({ mode, label, withoutScript }: { mode: Mode; label: string; withoutScript: string }) {
  // False on the server and while hydrating, so the page without scripts says what to use instead.
  const supported = useSyncExternalStore(
    noSubscription,
    () => typeof window.PublicKeyCredential === "function",
    () => false,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!supported) {
    return <p className="govuk-body app-passkey-unavailable">{withoutScript}</p>;
  }
  const onClick = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await run(mode);
      window.location.assign(next ?? window.location.pathname);
    } catch (error) {
      setProblem(
        error instanceof Error && error.message === "throttled"
          ? "There have been too many attempts. Wait 15 minutes, then try again."
          : "Your passkey could not be used. Try again, or use another way.",
      );
      setBusy(false);
    }
  };
  return (
    <div className={`govuk-form-group${problem ? " govuk-form-group--error" : ""}`}>
      {problem ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={onClick} disabled={busy} aria-disabled={busy}>
        {label}
      </button>
    </div>
  );
}
