import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AppLoadContext } from "react-router";
import type { Role } from "#app/domain/roles";
import { hashPassword } from "#app/utils/password.server";
import { createSession, cookieName } from "#app/utils/session.server";
import { db } from "#db/client";
import { organisations, users } from "#db/schema/index";
import "#app/context";

export const TEST_PASSWORD = "violet kettle harbour 47";
let passwordHash: Promise<string> | undefined;

export async function laId(laCode: string): Promise<string> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.laCode, laCode));
  if (!row) throw new Error(`No LA with code ${laCode} in the test database`);
  return row.id;
}

export async function createOrganisation(kind: "provider" | "directory_team" | "national_service", name = `Org ${randomBytes(3).toString("hex")}`) {
  const [row] = await db.insert(organisations).values({ kind, name }).returning();
  return row!;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
}

/** A user of an LA (by its 3-digit code) or of an organisation (by id). */
export async function createUser(role: Role, where: { laCode: string } | { organisationId: string }, overrides: { email?: string; name?: string } = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const organisationId = "laCode" in where ? await laId(where.laCode) : where.organisationId;
  const email = overrides.email ?? `${role}.${randomBytes(4).toString("hex")}@test.example`;
  const [row] = await db
    .insert(users)
    .values({ email, name: overrides.name ?? `Test ${role}`, role, organisationId, passwordHash: await passwordHash })
    .returning();
  return { id: row!.id, email, role, organisationId };
}

export const BASE_URL = "http://localhost";

/** A request as the given user's browser would send it (with a real session cookie). */
export async function requestAs(user: TestUser | null, path: string, init: RequestInit & { form?: Record<string, string | string[]> } = {}): Promise<Request> {
  const headers = new Headers(init.headers);
  if (user) {
    const { token } = await createSession(user.id);
    headers.set("Cookie", `${cookieName()}=${token}`);
  }
  let body = init.body;
  if (init.form) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(init.form)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    }
    body = form;
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`${BASE_URL}${path}`, { ...init, method: init.method ?? (init.form ? "POST" : "GET"), headers, body });
}

export function testContext(): AppLoadContext {
  return { requestId: `test-${randomBytes(4).toString("hex")}`, cspNonce: "", clientIp: "127.0.0.1" };
}

type RouteFn = (args: never) => unknown;

export interface Outcome<T = unknown> {
  status: number;
  /** What the loader or action returned (or threw), for `data(...)` and plain values. */
  data: T;
  headers: Headers;
  /** Where a redirect points. */
  location: string | null;
  /** The Response itself, when one was returned or thrown. */
  response?: Response;
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return !!value && typeof value === "object" && (value as { type?: unknown }).type === "DataWithResponseInit";
}

function outcomeOf(value: unknown): Outcome {
  if (value instanceof Response) {
    return { status: value.status, data: null, headers: value.headers, location: value.headers.get("Location"), response: value };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, data: value.data, headers, location: headers.get("Location") };
  }
  return { status: 200, data: value, headers: new Headers(), location: null };
}

/**
 * Calls a loader or action the way React Router would; returned and thrown outcomes look alike.
 * `context` overrides the server's per-request context (the client's address, say).
 */
export async function call<T = any>(fn: RouteFn, request: Request, params: Record<string, string | undefined> = {}, context: Partial<AppLoadContext> = {}): Promise<Outcome<T>> {
  try {
    return outcomeOf(await (fn as (args: unknown) => unknown)({ request, params, context: { ...testContext(), ...context } })) as Outcome<T>;
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return outcomeOf(thrown) as Outcome<T>;
    throw thrown;
  }
}
