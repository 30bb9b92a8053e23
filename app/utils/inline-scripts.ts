// The only scripts written into pages inline (app/root.tsx). Kept here so the server can allow them
// by their hashes on pages a shared cache may keep (a nonce cannot be shared between people:
// server/public-cache.ts, decision 028).

/** Marks the body for GOV.UK Frontend's JavaScript-only styles, before anything is drawn. */
export const JS_ENABLED_SCRIPT = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

/** On pages served without React's scripts: GOV.UK Frontend's own components. */
export const GOVUK_FRONTEND_INIT_SCRIPT = 'import { initAll } from "/govuk/govuk-frontend.min.js"; initAll();';
