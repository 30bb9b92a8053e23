import http from "node:http";
import { DEMO_PASSWORD } from "#db/seed";

// Plain HTTP clients of the built app for the fault tests (no browser): signing in, and several
// loops of requests running until told to stop, each response's status kept.

export async function signInOverHttp(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/home" }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`Signing in as ${email} failed (${response.status})`);
  return cookie;
}

export interface Outcome {
  name: string;
  /** The HTTP status, or 0 when no response came (the connection was refused or reset). */
  status: number;
  /** Why no response came: ECONNREFUSED (never accepted), ECONNRESET (dropped), ... */
  error?: string;
  retryAfter: string | null;
  contentType: string;
}

export interface LoadRequest {
  name: string;
  url: string;
  /** A function for a request whose body must differ each time (a new child's UPN). */
  init?: Init | (() => Init);
}

interface Init {
  method?: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
}

/** One request on a connection of its own (no keep-alive), so a refused one is told from a dropped one. */
function send(url: string, init: Init = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : String(init.body);
    const headers = { ...init.headers, ...(body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) }) };
    const request = http.request(url, { method: init.method ?? "GET", headers, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** Runs `concurrency` loops, each sending the next request of `requests` in turn, until `stop()`. */
export function runLoad(requests: LoadRequest[], concurrency: number) {
  const outcomes: Outcome[] = [];
  let stopping = false;
  const loop = async (offset: number) => {
    for (let i = offset; !stopping; i += 1) {
      const request = requests[i % requests.length]!;
      const init = (typeof request.init === "function" ? request.init() : request.init) as Init | undefined;
      try {
        const response = await send(request.url, init);
        const header = (name: string) => {
          const value = response.headers[name];
          return Array.isArray(value) ? value.join(", ") : (value ?? null);
        };
        outcomes.push({ name: request.name, status: response.status, retryAfter: header("retry-after"), contentType: header("content-type") ?? "" });
      } catch (error) {
        outcomes.push({ name: request.name, status: 0, error: (error as NodeJS.ErrnoException).code ?? String(error), retryAfter: null, contentType: "" });
        // A refused connection comes back at once: do not spin while the server is gone.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const loops = Array.from({ length: concurrency }, (_, i) => loop(i));
  return {
    outcomes,
    async stop(): Promise<Outcome[]> {
      stopping = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}
