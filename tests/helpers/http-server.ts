import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { DatabaseHandle } from "../../db/index";
import { startJobQueue, type JobQueue } from "../../app/lib/jobs.server";
import { createHttpApp } from "../../app/http/app.server";
import { SiteAddress } from "../../app/http/site.server";
import { loadConfig, type Config } from "../../app/lib/env.server";

const root = path.resolve(import.meta.dirname, "../..");

/** The real HTTP stack (middleware + the production Remix build) on a free port. */
export async function startTestServer(
  handle: DatabaseHandle,
  env: Record<string, string> = {},
  /** Where the job queue lives, when `handle` cannot hold it (a database that is down). */
  { jobsHandle = handle }: { jobsHandle?: DatabaseHandle } = {},
) {
  const buildFile = path.join(root, "build/index.js");
  if (!existsSync(buildFile)) {
    throw new Error("No Remix build found: run `npm run build` first (npm test does this).");
  }
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const config: Config = loadConfig({ NODE_ENV: "production", LOG_REQUESTS: "false", PAGE_CACHE_SECONDS: "0", NEW_MEMBER_DAYS: "0", ...env });
  // Workers off: tests deliver queued email on demand with `jobs.drain()`.
  const jobs: JobQueue = await startJobQueue(jobsHandle, { config, work: false });
  const site = new SiteAddress(config);
  const app = createHttpApp({
    site,
    build,
    db: handle.db,
    embeddedDatabase: handle.kind === "embedded",
    jobs,
    config,
    publicDir: path.join(root, "public"),
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  site.listening(port);
  const url = `http://localhost:${port}`;
  return {
    url,
    jobs,
    /** Same-origin headers that a browser would send with a form post. */
    formHeaders: { origin: url, "content-type": "application/x-www-form-urlencoded" },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(() => jobs.stop()),
  };
}
