import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs } from "react-router";
import { ROUTE_ACCESS, type PublicRouteId, type RouteId } from "#app/access";
import { isConnectionLost } from "#db/connection-errors";
import { answersInJson, UNAVAILABLE_MESSAGE, unavailableHeaders } from "./unavailable";
import { holdsPermission, type Permission } from "#app/domain/roles";
import { auditorFor, type Auditor, type SignedInActor } from "./audit.server";
import { forbidden } from "./refusals.server";
import { describeError, logger, pathWithoutQuery } from "./logger.server";
import { sessionFromRequest } from "./auth.server";
import { answersToKeep } from "#app/domain/kept-answers";
import { keepAnswers } from "./kept-answers.server";
import { expiredSessionUserId, readSessionToken, type SessionUser, type ValidSession } from "./session.server";

interface CommonArgs {
  request: Request;
  params: LoaderFunctionArgs["params"];
  context: AppLoadContext;
  requestId: string;
  audit: Auditor;
}
export interface SignedInArgs extends CommonArgs {
  user: SessionUser;
  session: ValidSession;
  /** The signed-in user as the data layer takes them: their id, role, organisation's name and audit call. Routes never build one. */
  actor: SignedInActor;
  /** The same permission check the route's access uses, for what a page offers (its buttons and links). */
  can: (permission: Permission) => boolean;
}
export interface PublicArgs extends CommonArgs {
  user: SessionUser | null;
  session: ValidSession | null;
}
type ArgsFor<Id extends RouteId> = Id extends PublicRouteId ? PublicArgs : SignedInArgs;

// Public routes whose pages still carry someone's personal data (the invitee's name and email).
const PERSONAL_PUBLIC_ROUTES: ReadonlySet<RouteId> = new Set<RouteId>(["routes/invitation.$token", "routes/parents.notify"]);

// The timeout warning asks when the session ends: asking must not count as activity (decision 064).
const ROUTES_THAT_DO_NOT_TOUCH_THE_SESSION: ReadonlySet<RouteId> = new Set<RouteId>(["routes/session"]);

// Forms whose answers, posted after the session ended, are kept for the same person to find on the
// same page after signing in again: each of these loaders takes them back (takeKeptAnswers,
// decision 064). A form is added here when its loader does.
const ROUTES_THAT_KEEP_ANSWERS: ReadonlySet<RouteId> = new Set<RouteId>(["routes/register.new", "routes/register.$childId.edit"]);

/** Marks a loader or action as guarded, so the route-access test can see nothing bypassed it. */
export const GUARDED_ROUTE = Symbol.for("cnis.guardedRoute");
type Tagged<F> = F & { [GUARDED_ROUTE]: RouteId };

// One page load runs the root's loader and the route's together, with one load context: they share
// one session lookup. Only for reads: an action may change the session, so it always looks afresh.
const sessionsOfRequest = new WeakMap<object, Promise<ValidSession | null>>();

function sessionOf(routeId: RouteId, args: LoaderFunctionArgs | ActionFunctionArgs): Promise<ValidSession | null> {
  const method = args.request.method.toUpperCase();
  const isRead = method === "GET" || method === "HEAD";
  if (isRead && ROUTES_THAT_DO_NOT_TOUCH_THE_SESSION.has(routeId)) return sessionFromRequest(args.request, { touch: false });
  if (!isRead || !args.context) return sessionFromRequest(args.request);
  let session = sessionsOfRequest.get(args.context);
  if (!session) sessionsOfRequest.set(args.context, (session = sessionFromRequest(args.request)));
  return session;
}

/**
 * A form posted after its session ended: its answers are kept for the person whose session it was
 * (decision 064), and the cookie that finds them again goes with the redirect to sign in. Nothing is
 * kept when that person cannot be known (no session cookie, or one signed out).
 */
async function keptAnswersCookie(routeId: RouteId, request: Request): Promise<string | null> {
  if (request.method.toUpperCase() !== "POST" || !ROUTES_THAT_KEEP_ANSWERS.has(routeId)) return null;
  const token = readSessionToken(request);
  const userId = token ? await expiredSessionUserId(token) : null;
  if (!userId) return null;
  const form = await request.formData().catch(() => null);
  const fields = form ? answersToKeep(form.entries()) : null;
  return fields ? keepAnswers(userId, new URL(request.url).pathname, fields) : null;
}

async function authorise(routeId: RouteId, args: LoaderFunctionArgs | ActionFunctionArgs): Promise<PublicArgs> {
  const access = ROUTE_ACCESS[routeId];
  const session = await sessionOf(routeId, args);
  const user = session?.user ?? null;
  const requestId = args.context.requestId;
  const common = {
    request: args.request,
    params: args.params,
    context: args.context,
    requestId,
    audit: auditorFor(user && { userId: user.id, role: user.role, organisationId: user.organisationId }, requestId),
  };
  if (user || PERSONAL_PUBLIC_ROUTES.has(routeId)) args.context.markPersonal?.();
  // A session still waiting for its second factor is nobody to a public page (its header offers
  // "Sign in" and nothing of the account), though signing out can still end it.
  const signedIn = session?.state === "signed_in";
  if (access.kind === "public") return { ...common, user: signedIn ? user : null, session };
  if (!session || !user) {
    const { pathname } = new URL(args.request.url);
    const kept = await keptAnswersCookie(routeId, args.request);
    // Only the path: a query string may carry a search for a child's name.
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(pathname)}`, kept ? { headers: { "Set-Cookie": kept } } : undefined);
  }
  // Every guarded route but the second-factor step's own refuses a half-signed-in session (decision 040).
  if (!signedIn && access.kind !== "second-factor-step") throw redirect(`/sign-in/second-factor?redirectTo=${encodeURIComponent(new URL(args.request.url).pathname)}`);
  if (access.kind === "permission" && !holdsPermission(user, access.permission)) forbidden();
  if (access.kind === "any-permission" && !access.permissions.some((p) => holdsPermission(user, p))) forbidden();
  return { ...common, user, session, actor: { userId: user.id, role: user.role, organisationName: user.organisationName, audit: common.audit }, can: (permission: Permission) => holdsPermission(user, permission) } as SignedInArgs;
}

/**
 * A request caught by a lost database connection may well succeed in a moment: 503 with Retry-After,
 * as JSON for the API and as the "service unavailable" page for everything else (root.tsx), never a
 * 500. What it was writing was in one transaction, so it was saved in full or not at all.
 */
function unavailable(request: Request, error: unknown): Response {
  const path = new URL(request.url).pathname;
  logger.warn({ path: pathWithoutQuery(path), err: describeError(error) }, "database connection lost during a request");
  const headers = unavailableHeaders();
  return answersInJson(path)
    ? Response.json({ error: UNAVAILABLE_MESSAGE }, { status: 503, headers })
    : new Response("Service unavailable", { status: 503, statusText: "Service Unavailable", headers });
}

/**
 * Wraps a route's loader and action so they run only for the people ROUTE_ACCESS allows:
 * `export const loader = guard("routes/home").loader(async ({ user }) => ...)`.
 */
export function guard<Id extends RouteId>(routeId: Id) {
  const wrap = <T, A extends LoaderFunctionArgs | ActionFunctionArgs>(fn: (args: ArgsFor<Id>) => Promise<T> | T, isAction: boolean) => {
    const wrapped = async (args: A): Promise<T> => {
      // The server read a body no further than its limit, or found it was not a form
      // (server/request-body.ts): refused before anything else, without a database query.
      const refused = isAction ? args.context?.refusedBody : undefined;
      if (refused) throw data({ reason: "refused-body" }, { status: refused.status });
      try {
        return await fn((await authorise(routeId, args)) as ArgsFor<Id>);
      } catch (error) {
        if (isConnectionLost(error)) throw unavailable(args.request, error);
        throw error;
      }
    };
    return Object.assign(wrapped, { [GUARDED_ROUTE]: routeId }) as Tagged<typeof wrapped>;
  };
  return {
    loader: <T>(fn: (args: ArgsFor<Id>) => Promise<T> | T) => wrap<T, LoaderFunctionArgs>(fn, false),
    action: <T>(fn: (args: ArgsFor<Id>) => Promise<T> | T) => wrap<T, ActionFunctionArgs>(fn, true),
  };
}
