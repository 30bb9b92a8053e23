import { NotificationBanner } from "./govuk";

/** On a form given back its answers after signing in again (decision 064). */
export function KeptAnswersBanner() {
  return (
    <NotificationBanner title="Important" titleId="kept-answers-title" heading="Your answers are back">
      <p className="govuk-body">
        You were signed out before this form reached us, so nothing has been saved yet. Check your answers, then press the button at the end of the form again.
      </p>
    </NotificationBanner>
  );
}
