import type { Database } from "../db/index";
import type { Guardian } from "./auth/guardian.server";
import type { Actor } from "./auth/policy";
import type { Config } from "./lib/env.server";
import type { JobQueue } from "./lib/jobs.server";

/** What the HTTP server hands every loader and action. */
export interface AppContext {
  db: Database;
  /** True on the embedded (PGlite) database. */
  embeddedDatabase: boolean;
  jobs: JobQueue;
  config: Config;
  /**
   * The forum's own origin (PUBLIC_URL, or the address it listens on): the
   * only base for absolute URLs, never anything from the request.
   */
  origin: string;
  /** Per-response CSP nonce for inline scripts. */
  nonce: string;
  /** Who is asking: validated once per request from the session cookie. */
  actor: Actor;
  /** Answers every "may this actor do that" for this request; standings load once. */
  guardian: Guardian;
  sessionToken: string | null;
  /** From the socket, or from X-Forwarded-For only when TRUST_PROXY is set. */
  clientIp: string;
  /** Served over https (cookies get Secure and the __Host- prefix). */
  secure: boolean;
  /** Filled in while Remix handles the request; read by the HTTP layer afterwards. */
  requestState: { databaseUnavailable: boolean; wrote: boolean };
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}
