import { env } from "./env.server";
import { rateLimit } from "./throttle.server";

// The APIs' rate limits (README, OpenAPI document): a council's token for the placement check, a
// client address for the open data. A refusal is a 429 with Retry-After, in the API's JSON.

const MINUTE = 60_000;

function tooMany(retryAfterSeconds: number, title: string, headers: Record<string, string>): Response {
  return Response.json({ title, status: 429 }, { status: 429, headers: { ...headers, "Retry-After": String(retryAfterSeconds) } });
}

/** null when the token may make this request; otherwise the 429 to send. */
export async function placementCheckRateLimit(tokenId: string, headers: Record<string, string>): Promise<Response | null> {
  const limit = env().PLACEMENT_CHECKS_PER_TOKEN_PER_MINUTE;
  const result = await rateLimit(`api-token:${tokenId}`, limit, MINUTE);
  if (result.ok) return null;
  return tooMany(result.retryAfterSeconds, `This token has made more than ${limit} placement checks in a minute. Wait ${result.retryAfterSeconds} seconds, then try again.`, headers);
}

/** null when the token may make this register API request (reads and writes together); otherwise the 429 to send. */
export async function registerApiRateLimit(tokenId: string, headers: Record<string, string>): Promise<Response | null> {
  const limit = env().REGISTER_API_REQUESTS_PER_TOKEN_PER_MINUTE;
  const result = await rateLimit(`register-api-token:${tokenId}`, limit, MINUTE);
  if (result.ok) return null;
  return tooMany(result.retryAfterSeconds, `This token has made more than ${limit} register API requests in a minute. Wait ${result.retryAfterSeconds} seconds, then try again.`, headers);
}

/** null when a school's token may make this school-returns API request (decision 076); otherwise the 429 to send. */
export async function schoolReturnsApiRateLimit(tokenId: string, headers: Record<string, string>): Promise<Response | null> {
  const limit = env().SCHOOL_RETURNS_API_REQUESTS_PER_TOKEN_PER_MINUTE;
  const result = await rateLimit(`school-returns-api-token:${tokenId}`, limit, MINUTE);
  if (result.ok) return null;
  return tooMany(result.retryAfterSeconds, `This token has sent more than ${limit} requests of school returns in a minute. Wait ${result.retryAfterSeconds} seconds, then try again.`, headers);
}

/** null when the address may make this request; otherwise the 429 to send. */
export async function openDataRateLimit(clientIp: string, headers: Record<string, string>): Promise<Response | null> {
  const limit = env().OPEN_DATA_REQUESTS_PER_IP_PER_MINUTE;
  const result = await rateLimit(`open-data-ip:${clientIp}`, limit, MINUTE);
  if (result.ok) return null;
  // Never cached: a cache would hand the refusal to everyone behind it.
  return tooMany(result.retryAfterSeconds, `More than ${limit} requests a minute came from your address. Wait ${result.retryAfterSeconds} seconds, then try again.`, { ...headers, "Cache-Control": "no-store" });
}
