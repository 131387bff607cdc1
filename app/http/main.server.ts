/**
 * The production server: `node build/server.js` (bundled from this file).
 * Validates configuration, then either serves in this process or, with
 * WEB_CONCURRENCY > 1, becomes a small cluster primary: one short-lived
 * process prepares the database, then one web process per core shares the
 * port. The web code (`build/web.js`) is loaded only where it serves, so the
 * primary holds little more than Node itself.
 */
import cluster from "node:cluster";
import os from "node:os";
import { ConfigError, loadConfig, type Config } from "../lib/env.server";
import { relayPageCacheInvalidations } from "./cluster-messages";
import type * as WebServer from "./web.server";

type WebModule = typeof WebServer;
const SHUTDOWN_GRACE_MS = 10_000;

/** Not bundled into this file: see the header. */
const loadWeb = () => import(new URL("./web.js", import.meta.url).href) as Promise<WebModule>;

async function main() {
  const startedAt = Date.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  process.env.NODE_ENV = config.NODE_ENV;
  if (cluster.isPrimary && config.NODE_ENV === "production" && !config.PUBLIC_URL) {
    console.warn(
      `PUBLIC_URL is not set: links in emails, feeds, sitemaps and calendars point to http://localhost:${config.PORT}, ` +
        "and only requests for localhost are answered. Set PUBLIC_URL to the forum's public address (see README, Configuration).",
    );
  }

  let processes = config.WEB_CONCURRENCY === "auto" ? os.availableParallelism() : config.WEB_CONCURRENCY;
  if (processes > 1 && !config.DATABASE_URL) {
    console.warn("WEB_CONCURRENCY needs DATABASE_URL (the embedded database lives in one process); running one process");
    processes = 1;
  }

  if (cluster.isWorker) {
    const web = await loadWeb();
    if (process.env.GWN_ROLE === "prepare") {
      await web.prepareDatabase(config);
      process.exit(0);
    }
    return web.serve(config, { workerIndex: Number(process.env.GWN_WORKER_INDEX ?? "0"), alone: false, startedAt });
  }
  if (processes === 1) {
    const web = await loadWeb();
    return web.serve(config, { workerIndex: 0, alone: true, startedAt });
  }
  return runPrimary(processes, startedAt);
}

/**
 * With WEB_CONCURRENCY > 1: prepare the database once (in a child that then
 * exits), then one web process per core sharing the port; a process that dies
 * is replaced; SIGTERM stops all gracefully.
 */
async function runPrimary(processes: number, startedAt: number) {
  // Web processes need little heap; a cap keeps V8 from growing lazily to
  // hundreds of MB each under load (see tests/bench/README.md).
  if (!/max-old-space-size/.test(process.env.NODE_OPTIONS ?? "")) {
    cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-old-space-size=192", "--max-semi-space-size=4"] });
  }
  const prepared = await new Promise<number | null>((resolve) => {
    cluster.fork({ GWN_ROLE: "prepare" }).once("exit", (code) => resolve(code));
  });
  if (prepared !== 0) {
    console.error("Preparing the database failed; not starting");
    process.exit(1);
  }
  relayPageCacheInvalidations();

  let stopping = false;
  const indexOf = new Map<number, number>();
  const fork = (index: number) => {
    // Fewer malloc arenas: less resident memory per process for a little contention (see tests/bench/README.md).
    const worker = cluster.fork({ GWN_WORKER_INDEX: String(index), MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" });
    indexOf.set(worker.id, index);
  };
  for (let index = 0; index < processes; index++) fork(index);
  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    if (++listening === processes) {
      console.log(
        `Good Work Network forum on http://localhost:${address.port} (PostgreSQL; ${processes} processes; ready in ${Date.now() - startedAt} ms)`,
      );
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (!indexOf.has(worker.id)) return;
    const index = indexOf.get(worker.id)!;
    indexOf.delete(worker.id);
    if (stopping) {
      if (indexOf.size === 0) {
        console.log("Stopped cleanly");
        process.exit(0);
      }
      return;
    }
    console.error(`Web process ${index} ended (${signal ?? code}); starting a new one`);
    setTimeout(() => fork(index), 1000);
  });
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping ${indexOf.size} web processes`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 2000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
