// What the HTTP server hands every request: its id (for logs and audit events) and the nonce that
// the Content-Security-Policy allows inline scripts to carry.
declare module "react-router" {
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    clientIp: string;
  }
}

export {};
