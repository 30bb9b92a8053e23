import { publicUrl } from "./env.server";

/**
 * An absolute link to a page of the service, for an email. It starts from PUBLIC_URL, never from
 * the request: a Host or X-Forwarded-Host header is the sender's to choose, and a reset link built
 * from one would send its token to whoever chose it.
 */
export function publicLink(path: string): string {
  return `${publicUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}
