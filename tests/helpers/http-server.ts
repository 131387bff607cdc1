import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { Database } from "../../db/index";
import { createHttpApp } from "../../app/http/app.server";
import { loadConfig, type Config } from "../../app/lib/env.server";

const root = path.resolve(import.meta.dirname, "../..");

/** The real HTTP stack (middleware + the production Remix build) on a free port. */
export async function startTestServer(db: Database, env: Record<string, string> = {}) {
  const buildFile = path.join(root, "build/index.js");
  if (!existsSync(buildFile)) {
    throw new Error("No Remix build found: run `npm run build` first (npm test does this).");
  }
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const config: Config = loadConfig({ NODE_ENV: "production", LOG_REQUESTS: "false", ...env });
  const app = createHttpApp({ build, db, config, publicDir: path.join(root, "public") });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  return {
    url,
    /** Same-origin headers that a browser would send with a form post. */
    formHeaders: { origin: url, "content-type": "application/x-www-form-urlencoded" },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
