// Response headers and the cross-origin write check, as pure functions the server applies to every
// request and the tests can read.

/**
 * `allowed`: the page's inline scripts, by a nonce made for this response, or (on pages a shared
 * cache may keep and hand to anyone: server/public-cache.ts) by their hashes.
 */
export function contentSecurityPolicy(allowed: string | { hashes: readonly string[] }, options: { development: boolean }): string {
  const scripts = typeof allowed === "string" ? `'nonce-${allowed}'` : allowed.hashes.map((hash) => `'${hash}'`).join(" ");
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${scripts}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Vite's hot reload talks over a websocket in development only.
    options.development ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ];
  return directives.join("; ");
}

export function securityHeaders(nonce: string, options: { development: boolean; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    "X-Content-Type-Options": "nosniff",
    // Not no-referrer: with it, browsers send `Origin: null` on form posts, which the CSRF check must refuse.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The Lucia guide's CSRF defence: a state-changing request must come from our own origin (scheme,
 * host and port, so http://host or host:8443 is another site). Browsers send Origin on every POST;
 * Sec-Fetch-Site, where sent, must say same-origin. A request with no Origin at all is refused too:
 * every browser that could carry our cookie sends one. `ownOrigin` is how this request reached us,
 * e.g. "https://service.example".
 */
export function isCrossOriginWrite(method: string, headers: { origin?: string; ownOrigin: string; secFetchSite?: string }): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.secFetchSite && headers.secFetchSite !== "same-origin") return true;
  if (!headers.origin) return true;
  try {
    const origin = new URL(headers.origin);
    return origin.origin === "null" || origin.origin !== new URL(headers.ownOrigin).origin;
  } catch {
    return true;
  }
}

/**
 * The path React Router will route a request to: dot segments resolved (`%2e%2e` included, as the
 * URL standard does), so `/api/%2e%2e/sign-out` is `/sign-out` here as it is there.
 */
export function routedPath(originalUrl: string): string {
  try {
    return new URL(originalUrl, "http://routed.invalid").pathname;
  } catch {
    return originalUrl;
  }
}

// Routes that authenticate by a bearer token in the request, never by the session cookie, so a
// cross-site request cannot ride on a signed-in user: the only writes exempt from the check.
const TOKEN_AUTHENTICATED_ROUTES = [/^\/api\/v1\/placement-checks\/?$/i];

export function isTokenAuthenticatedRoute(originalUrl: string): boolean {
  const path = routedPath(originalUrl);
  return TOKEN_AUTHENTICATED_ROUTES.some((route) => route.test(path));
}
