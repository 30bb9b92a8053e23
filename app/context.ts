// What the HTTP server hands every request: its id (for logs and audit events) and the nonce that
// the Content-Security-Policy allows inline scripts to carry.
declare module "react-router" {
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    clientIp: string;
    /** Set when the server refused the request's body before reading it (too large, not a form). */
    /**
     * Marks the response as one no cache may keep (Cache-Control: no-store): the guard calls it for
     * every signed-in user and every route that shows personal data to anyone with its link.
     */
    markPersonal?: () => void;
    refusedBody?: { status: 413; limitBytes: number } | { status: 415 } | { status: 400 };
  }
}

export {};
