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
  retryAfter: string | null;
  contentType: string;
}

export interface LoadRequest {
  name: string;
  url: string;
  /** A function for a request whose body must differ each time (a new child's UPN). */
  init?: RequestInit | (() => RequestInit);
}

/** Runs `concurrency` loops, each sending the next request of `requests` in turn, until `stop()`. */
export function runLoad(requests: LoadRequest[], concurrency: number) {
  const outcomes: Outcome[] = [];
  let stopping = false;
  const loop = async (offset: number) => {
    for (let i = offset; !stopping; i += 1) {
      const request = requests[i % requests.length]!;
      try {
        const init = typeof request.init === "function" ? request.init() : request.init;
        const response = await fetch(request.url, { redirect: "manual", ...init });
        await response.arrayBuffer();
        outcomes.push({ name: request.name, status: response.status, retryAfter: response.headers.get("retry-after"), contentType: response.headers.get("content-type") ?? "" });
      } catch {
        outcomes.push({ name: request.name, status: 0, retryAfter: null, contentType: "" });
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
