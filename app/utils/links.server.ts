import { env } from "./env.server";

/**
 * An absolute link to a page of the service, for an email. It starts from PUBLIC_URL, never from
 * the request: a Host or X-Forwarded-Host header is the sender's to choose, and a reset link built
 * from one would send its token to whoever chose it.
 */
export function publicLink(path: string): string {
  const base = env().PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base).toString();
}
