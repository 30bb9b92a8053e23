import type { NextFunction, Request, Response } from "express";
import { describeError, logger, pathWithoutQuery } from "../app/utils/logger.server";
import { isConnectionLost } from "../db/connection-errors";
import { answersInJson, plainErrorPage, UNAVAILABLE_MESSAGE, unavailableHeaders } from "../app/utils/unavailable";

/**
 * The server's last error handler, for an error thrown outside React Router (whose routes answer
 * for themselves): a lost database connection is 503 with Retry-After, anything else 500, each in
 * the kind of body the caller reads (JSON for the API, a page otherwise). Nothing about the
 * request but its path without the query string is logged.
 */
export function lastErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  logger.error({ requestId: res.locals.requestId, path: pathWithoutQuery(req.originalUrl), err: describeError(error) }, "unhandled error");
  if (res.headersSent) return;
  const json = answersInJson(req.path);
  if (isConnectionLost(error)) {
    res.status(503).set(unavailableHeaders());
    if (json) res.json({ error: UNAVAILABLE_MESSAGE });
    else res.type("html").send(plainErrorPage("Sorry, the service is unavailable", UNAVAILABLE_MESSAGE));
    return;
  }
  res.status(500).set("Cache-Control", "no-store");
  if (json) res.json({ error: PROBLEM_MESSAGE });
  else res.type("html").send(plainErrorPage("Sorry, there is a problem with the service", "Try again later."));
}

const PROBLEM_MESSAGE = "Sorry, there is a problem with the service. Try again later.";
