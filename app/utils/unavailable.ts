import { RETRY_AFTER_SECONDS } from "#db/connection-errors";

// One answer for a request the database could not serve for a moment (a lost connection): 503 with
// Retry-After, in the kind of body its caller reads. The API's callers read JSON; people read a page.
// Used by the route guard (inside React Router) and by the server's last error handler (for
// anything before React Router, such as the public cache's version lookup).

export const UNAVAILABLE_MESSAGE = "The service is unavailable for a moment. Try again in a few seconds.";

export function unavailableHeaders(): Record<string, string> {
  return { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
}

/** Whether the answer to this path is JSON (the API) rather than a page. */
export function answersInJson(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/**
 * A page for the server to send when React Router cannot render one (the error happened before it):
 * plain, but a real HTML page with a title and a heading.
 */
export function plainErrorPage(heading: string, message: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading} – GOV.UK</title><link rel="stylesheet" href="/govuk/govuk-frontend.min.css"></head>
<body class="govuk-template__body">
<main class="govuk-main-wrapper govuk-width-container" id="main-content">
<h1 class="govuk-heading-l">${heading}</h1>
<p class="govuk-body">${message}</p>
</main>
</body>
</html>
`;
}
