import { useEffect, useRef, useState } from "react";
import { href, useLocation } from "react-router";
import { announcementText, timeLeftText, timeoutPlan, type SessionStatus } from "#app/domain/session-timeout";

// The warning before a session times out, and "Stay signed in" (WCAG 2.2.1, decision 064). The time
// left is always the server's: it is asked again before the warning shows and while it is open, so
// activity in another tab (which moves the session's end) closes or never opens it here.

type Shown = { kind: "hidden" } | { kind: "warn"; endsInMs: number; canExtend: boolean } | { kind: "ended" };

const RECHECK_WHILE_OPEN_MS = 15_000;
const RETRY_AFTER_FAILURE_MS = 30_000;

/** The page's side of the timeout: asks the server, waits, and says what to show. */
function watchSession(warningLeadMs: number, show: (shown: Shown) => void) {
  let known: { status: SessionStatus; at: number } | null = null;
  let timer: number | undefined;
  let lastCheck = 0;
  // "Continue" on a warning that cannot be extended: nothing more until the session has ended.
  let dismissed = false;
  const later = (fn: () => void, ms: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
  };

  function follow() {
    if (!known) return;
    const plan = timeoutPlan(known.status, performance.now() - known.at, warningLeadMs);
    if (plan.kind === "wait") {
      dismissed = false;
      show({ kind: "hidden" });
      // Asked again when the warning would be due: another tab may have kept the session alive.
      return later(() => void ask(), plan.checkInMs);
    }
    // Confirmed with the server before saying so: another tab may have stayed signed in.
    if (plan.kind === "ended") return void ask();
    if (dismissed) return later(follow, plan.endsInMs);
    show({ kind: "warn", endsInMs: plan.endsInMs, canExtend: plan.canExtend });
    later(performance.now() - lastCheck >= RECHECK_WHILE_OPEN_MS ? () => void ask() : follow, 1_000);
  }

  async function ask(init: RequestInit = {}) {
    const askedAt = performance.now();
    lastCheck = askedAt;
    try {
      const response = await fetch(href("/session"), { ...init, headers: { Accept: "application/json" }, cache: "no-store", credentials: "same-origin" });
      if (response.status === 401) {
        const wasSignedIn = known !== null;
        known = null;
        window.clearTimeout(timer);
        if (wasSignedIn) show({ kind: "ended" });
        return;
      }
      if (!response.ok) throw new Error("the session's status is not available");
      // Counted from when the question was asked: the answer can only be older than it says.
      known = { status: (await response.json()) as SessionStatus, at: askedAt };
      follow();
    } catch {
      later(() => void ask(), RETRY_AFTER_FAILURE_MS);
    }
  }

  return {
    check: () => void ask(),
    staySignedIn: () => {
      dismissed = false;
      void ask({ method: "POST", body: new URLSearchParams({ intent: "extend" }) });
    },
    dismiss: () => {
      dismissed = true;
      show({ kind: "hidden" });
    },
    stop: () => window.clearTimeout(timer),
  };
}

export function SessionTimeoutWarning({ warningLeadMs, idleMinutes }: { warningLeadMs: number; idleMinutes: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const focusBefore = useRef<HTMLElement | null>(null);
  const [shown, setShown] = useState<Shown>({ kind: "hidden" });
  const [watcher] = useState(() => (typeof window === "undefined" ? null : watchSession(warningLeadMs, setShown)));
  const { key } = useLocation();

  // Every page the person opens was a request to the server, which moves the session's end.
  useEffect(() => watcher?.check(), [key, watcher]);
  useEffect(() => () => watcher?.stop(), [watcher]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (shown.kind !== "hidden") {
      if (!element.open) {
        focusBefore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        element.showModal();
      }
      // Opened, or changed from the warning to "signed out": read out afresh.
      element.focus();
    } else if (shown.kind === "hidden" && element.open) {
      element.close();
      focusBefore.current?.focus();
    }
  }, [shown.kind]);

  const staySignedIn = () => watcher?.staySignedIn();
  const dismissEnded = () => setShown({ kind: "hidden" });

  return (
    <dialog
      ref={dialog}
      className="app-timeout-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="session-timeout-heading"
      aria-describedby="session-timeout-description"
      tabIndex={-1}
      onCancel={(event) => {
        // Escape does what the first button says.
        event.preventDefault();
        if (shown.kind === "warn" && shown.canExtend) staySignedIn();
        else if (shown.kind === "ended") dismissEnded();
        else if (shown.kind === "warn") watcher?.dismiss();
      }}
    >
      {/* Nothing inside until it opens: no page carries the warning's text or buttons unseen. */}
      {shown.kind === "hidden" ? null : shown.kind === "ended" ? (
        <>
          <h2 className="govuk-heading-m" id="session-timeout-heading">
            You have been signed out
          </h2>
          <div id="session-timeout-description">
            <p className="govuk-body">We signed you out because you had not done anything for {idleMinutes} minute{idleMinutes === 1 ? "" : "s"}, or because you had been signed in for the longest a session lasts.</p>
            <p className="govuk-body">
              If you were filling in a form on this page, send it as usual: you will be asked to sign in again and then brought back to the form with your answers.
            </p>
          </div>
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" data-module="govuk-button" onClick={dismissEnded}>
              Continue
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 className="govuk-heading-m" id="session-timeout-heading">
            You&apos;re about to be signed out
          </h2>
          <div id="session-timeout-description">
            <p className="govuk-body">
              <span aria-hidden="true">
                For your security, we will sign you out in <strong className="govuk-!-font-weight-bold">{timeLeftText(shown.endsInMs)}</strong>.
              </span>
              <span className="govuk-visually-hidden" aria-live="polite">
                {`${announcementText(shown.endsInMs)}.`}
              </span>
            </p>
            {!shown.canExtend ? (
              <p className="govuk-body">You have been signed in for the longest a session lasts, so it cannot be extended. Send what you are working on, then sign in again.</p>
            ) : (
              <p className="govuk-body">Anything you have typed on this page and not yet sent stays on the page if you stay signed in.</p>
            )}
          </div>
          <div className="govuk-button-group">
            {shown.canExtend ? (
              <button type="button" className="govuk-button" data-module="govuk-button" onClick={staySignedIn}>
                Stay signed in
              </button>
            ) : (
              <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => watcher?.dismiss()}>
                Continue
              </button>
            )}
            <form method="post" action={href("/sign-out")} className="app-timeout-dialog__sign-out">
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Sign out
              </button>
            </form>
          </div>
        </>
      )}
    </dialog>
  );
}
