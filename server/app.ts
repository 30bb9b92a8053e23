import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import express from "express";
import type { ServerBuild } from "react-router";
import { logger, pathWithoutQuery } from "../app/utils/logger.server";
import { env } from "../app/utils/env.server";
import { publicVersion } from "../app/data/public-versions.server";
import { lastErrorHandler } from "./error-handler";
import { publicCache } from "./public-cache";
import { reactRouterHandler, readRequestBody, type RefusedBody } from "./request-body";
import { isCrossOriginWrite, isTokenAuthenticatedRoute, securityHeaders } from "./security";

export interface AppOptions {
  /** The React Router server build, or a function that loads it (Vite's, in development). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Folder of the built browser assets (build/client); absent in development. */
  clientDir?: string;
  /** Vite's middleware in development. */
  viteMiddleware?: express.RequestHandler;
  development: boolean;
  /** Express's "trust proxy" setting, so client IPs are right behind a load balancer. */
  trustProxy?: string;
  https: boolean;
  /** The largest request body a route takes unless it says otherwise (BODY_LIMIT_BYTES). */
  bodyLimitBytes?: number;
  /** Told of every response: its path, method, status and seconds taken (the Prometheus metrics). */
  onResponse?: (path: string, method: string, status: number, seconds: number) => void;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
/** When this process loaded its code: public pages are not older than the code that made them. */
const STARTED_AT = new Date();

function govukFrontendDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk");
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", options.trustProxy.match(/^\d+$/) ? Number(options.trustProxy) : options.trustProxy);

  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const nonce = randomBytes(16).toString("base64");
    res.locals.requestId = requestId;
    res.locals.cspNonce = nonce;
    res.set("X-Request-Id", requestId);
    res.set(securityHeaders(nonce, options));
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      options.onResponse?.(req.path, req.method, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
      logger.info(
        {
          requestId,
          method: req.method,
          path: pathWithoutQuery(req.originalUrl),
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        },
        "request",
      );
    });
    next();
  });

  app.use((req, res, next) => {
    // Only the routes that authenticate by bearer token are exempt, matched on the path React
    // Router will route (so /api/%2e%2e/sign-out is checked as /sign-out).
    if (isTokenAuthenticatedRoute(req.originalUrl)) return next();
    const host = req.get("x-forwarded-host") && options.trustProxy ? req.get("x-forwarded-host") : req.get("host");
    const refused = isCrossOriginWrite(req.method, {
      origin: req.get("origin"),
      // req.protocol is https behind a proxy that says so only when TRUST_PROXY trusts it.
      ownOrigin: `${req.protocol}://${host ?? "invalid.invalid"}`,
      secFetchSite: req.get("sec-fetch-site"),
    });
    if (refused) {
      res.status(403).type("text/plain").send("This request came from another website and was refused.");
      return;
    }
    next();
  });

  // GOV.UK Frontend's fonts and images, at the /assets paths its stylesheet expects, and its CSS and
  // JS under /govuk.
  const govuk = govukFrontendDir();
  const year = { maxAge: "1y", immutable: true, index: false } as const;
  app.use("/assets/fonts", express.static(path.join(govuk, "assets", "fonts"), year));
  app.use("/assets/images", express.static(path.join(govuk, "assets", "images"), { maxAge: "1d", index: false }));
  app.get("/assets/manifest.json", (_req, res) => res.sendFile(path.join(govuk, "assets", "manifest.json")));
  app.get("/govuk/govuk-frontend.min.css", (_req, res) =>
    res.set("Cache-Control", "public, max-age=3600").sendFile(path.join(govuk, "govuk-frontend.min.css")),
  );
  // For pages served without React's scripts (the public directory): GOV.UK Frontend's own JS.
  app.get("/govuk/govuk-frontend.min.js", (_req, res) =>
    res.set("Cache-Control", "public, max-age=3600").type("text/javascript").sendFile(path.join(govuk, "govuk-frontend.min.js")),
  );

  if (options.viteMiddleware) {
    app.use(options.viteMiddleware);
  } else if (options.clientDir) {
    app.use("/assets", express.static(path.join(options.clientDir, "assets"), year));
    // Any other files the build put at the top (from public/), served by name: a static handler in
    // front of every page would look each page's path up on disk first (a failed stat per request,
    // 4% of the server's CPU under load).
    const topLevel = new Set(readdirSync(options.clientDir).filter((name) => name !== "assets"));
    if (topLevel.size > 0) {
      const serveTopLevel = express.static(options.clientDir, { maxAge: "1h", index: false });
      app.use((req, res, next) => (topLevel.has(req.path.slice(1)) ? serveTopLevel(req, res, next) : next()));
    }
  }

  app.use(readRequestBody({ defaultLimitBytes: options.bodyLimitBytes ?? env().BODY_LIMIT_BYTES }));
  // The public directory, open data and statistics: ETags, Last-Modified, 304s and shared caching.
  app.use(
    publicCache({
      version: publicVersion,
      // The build's own version (its assets' hash) in production; in development every start is a new build.
      buildId: typeof options.build === "function" ? `development-${STARTED_AT.getTime()}` : options.build.assets.version,
      builtAt: STARTED_AT,
    }),
  );

  app.all(
    /.*/,
    reactRouterHandler({
      build: options.build,
      mode: options.development ? "development" : "production",
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId as string,
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip ?? "unknown",
        refusedBody: res.locals.refusedBody as RefusedBody | undefined,
      }),
    }),
  );

  app.use(lastErrorHandler);

  return app;
}
