import type { Database } from "../db/index";
import type { Config } from "./lib/env.server";

/** What the HTTP server hands every loader and action. */
export interface AppContext {
  db: Database;
  config: Config;
  /** Per-response CSP nonce for inline scripts. */
  nonce: string;
  /** Filled in while Remix handles the request; read by the HTTP layer afterwards. */
  requestState: { databaseUnavailable: boolean };
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}
