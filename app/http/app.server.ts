import { Guardian } from "../auth/guardian.server";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Database } from "../../db/index";
import { authenticate } from "../auth/session.server";
import { isDatabaseUnavailableError } from "../lib/errors.server";
import type { JobQueue } from "../lib/jobs.server";
import type { Config } from "../lib/env.server";
import { PageCache, servePageCache } from "./page-cache.server";
import { remixHandler } from "./remix-handler.server";
import { formBodyGuard, inputGuard } from "./input-guard.server";
import { BODY_LIMIT_BYTES, bodyLimit, sameOriginGuard, securityHeaders, sendErrorPage } from "./security.server";
import type { SiteAddress } from "./site.server";
import { WriteTracker } from "./write-tracker.server";

export interface HttpAppOptions {
  build: ServerBuild;
  db: Database;
  embeddedDatabase: boolean;
  jobs: JobQueue;
  config: Config;
  /** The forum's own origin and the hosts it answers to (its port is set once listening). */
  site: SiteAddress;
  /** Folder holding `build/` (fingerprinted assets) and the other public files. */
  publicDir: string;
  log?: (line: string) => void;
}

/** The one place for cross-cutting concerns, in the order they must run. */
export function createHttpApp({ build, db, embeddedDatabase, jobs, config, site, publicDir, log }: HttpAppOptions) {
  const app = express();
  const production = config.NODE_ENV === "production";
  const pageCache = new PageCache(config.PAGE_CACHE_SECONDS);
  app.disable("x-powered-by");
  // The client IP and protocol come from the socket, unless the connection comes from a configured proxy.
  app.set("trust proxy", config.TRUST_PROXY.length > 0 ? config.TRUST_PROXY : false);

  if (log) {
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        log(`${req.method} ${req.originalUrl.split("?")[0]} ${res.statusCode} ${ms.toFixed(1)}ms`);
      });
      next();
    });
  }

  app.use(securityHeaders({ production }));
  // Methods, hosts, addresses and cookies we cannot use are refused before any other work.
  app.use(inputGuard(site));
  // Visitors' pages straight from the cache (already gzipped): before any other work.
  app.use(servePageCache(pageCache));
  app.use(compression());

  // Fingerprinted by the Remix compiler: cache for a year.
  app.use(
    "/build",
    express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(publicDir, { maxAge: "1h", index: false }));

  app.use(bodyLimit(BODY_LIMIT_BYTES, BODY_LIMIT_BYTES + config.UPLOAD_MAX_FILE_BYTES * Math.max(1, config.UPLOAD_FILES_PER_POST)));
  app.use(sameOriginGuard({ publicUrl: config.PUBLIC_URL }));
  app.use(formBodyGuard());

  // The session is validated once per request, before any loader or action.
  app.use(async (req, res, next) => {
    try {
      const auth = await authenticate(db, req.get("cookie"), req.secure);
      res.locals.auth = auth;
      if (auth.setCookie) res.append("Set-Cookie", auth.setCookie);
      next();
    } catch (error) {
      if (isDatabaseUnavailableError(error)) {
        res.setHeader("Retry-After", "30");
        return sendErrorPage(req, res, 503, "error.unavailable.title", "error.unavailable.text");
      }
      next(error);
    }
  });

  app.all(
    "*",
    remixHandler(build, production ? "production" : "development", site, (req, res) => {
      const requestState = { databaseUnavailable: false, wrote: false };
      // Notes whether this request wrote, so only committed writes empty the visitors' cache.
      const requestDb = db.withPlugin(new WriteTracker(requestState));
      const actor = res.locals.auth.actor;
      return {
        db: requestDb,
        embeddedDatabase,
        jobs,
        config,
        origin: site.origin,
        nonce: String(res.locals.nonce),
        actor,
        guardian: new Guardian(actor, requestDb),
        sessionToken: res.locals.auth.sessionToken,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "",
        secure: req.secure,
        requestState,
      };
    }, pageCache),
  );

  // Errors that escaped Remix (rare): a translated page, never a stack trace.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    console.error(error);
    if (res.headersSent) return next(error);
    sendErrorPage(req, res, 500, "error.server.title", "error.server.text");
  });
  return app;
}
