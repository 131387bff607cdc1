/**
 * The production server: `node build/server.js` (bundled from this file).
 * Validates configuration, opens and migrates the database, seeds a brand-new
 * embedded database with the demo network, serves, and shuts down gracefully.
 */
import cluster from "node:cluster";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase } from "../../db/index";
import { migrateToLatest } from "../../db/migrate";
import { demoSignInsText, seedDemoNetwork } from "../../db/seed";
import { startJobQueue } from "../lib/jobs.server";
import { ConfigError, loadConfig, type Config } from "../lib/env.server";
import { createHttpApp } from "./app.server";
import { sendDueReminders } from "../domain/events/commands.server";
import { sendDigests, sendNotificationEmails } from "../domain/notifications/email.server";
import { relayPageCacheInvalidations } from "./page-cache.server";

const SHUTDOWN_GRACE_MS = 10_000;
// Notification emails every minute; reminders and digests every fifth time.
const SWEEP_MS = 60_000;

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

  let processes = config.WEB_CONCURRENCY === "auto" ? os.availableParallelism() : config.WEB_CONCURRENCY;
  if (processes > 1 && !config.DATABASE_URL) {
    console.warn("WEB_CONCURRENCY needs DATABASE_URL (the embedded database lives in one process); running one process");
    processes = 1;
  }
  if (processes > 1 && cluster.isPrimary) return runPrimary(config, processes, startedAt);
  const workerIndex = cluster.isWorker ? Number(process.env.GWN_WORKER_INDEX ?? "0") : 0;

  const buildDir = path.dirname(fileURLToPath(import.meta.url));
  const rootDir = path.resolve(buildDir, "..");
  const build = (await import(pathToFileURL(path.join(buildDir, "index.js")).href)) as ServerBuild;

  const handle = await openDatabase({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    dataDir: config.DATA_DIR,
  });
  // In a cluster the primary has migrated and seeded before forking.
  if (cluster.isPrimary) {
    await migrateToLatest(handle.db);
    const shouldSeed = config.SEED_DEMO ?? (handle.kind === "embedded" && handle.isNew);
    if (shouldSeed) {
      await seedDemoNetwork(handle.db);
      console.log(demoSignInsText());
    }
  }

  // One process works the job queue; every process can add jobs.
  const jobs = await startJobQueue(handle, { config, work: workerIndex === 0 });
  // Event reminders: a sweep every few minutes; each reminder is recorded with its email, so none is sent twice.
  let reminders: NodeJS.Timeout | undefined;
  if (workerIndex === 0) {
    const origin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : `http://localhost:${config.PORT}`;
    let tick = 0;
    let busy = false;
    const sweep = async () => {
      if (busy) return;
      busy = true;
      const ctx = { jobs, origin };
      try {
        await sendNotificationEmails(handle.db, ctx);
        if (tick++ % 5 === 0) {
          await sendDueReminders(handle.db, ctx);
          await sendDigests(handle.db, ctx);
        }
      } catch (error) {
        console.warn(`email sweep: ${String(error)}`);
      } finally {
        busy = false;
      }
    };
    reminders = setInterval(() => void sweep(), SWEEP_MS);
    reminders.unref();
    void sweep();
  }

  const app = createHttpApp({
    build,
    db: handle.db,
    embeddedDatabase: handle.kind === "embedded",
    jobs,
    config,
    publicDir: path.join(rootDir, "public"),
    log: config.LOG_REQUESTS ? (line) => console.log(line) : undefined,
  });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const where = handle.kind === "postgres" ? "PostgreSQL" : `embedded database in ${config.DATA_DIR}`;
    if (cluster.isWorker) return;
    console.log(
      `Good Work Network forum on http://localhost:${port} (${where}; ready in ${Date.now() - startedAt} ms)`,
    );
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing open requests, then closing the database`);
    const force = setTimeout(() => {
      console.error("Shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // Stop accepting; idle keep-alive sockets close now, busy ones after their response.
    server.close(async () => {
      try {
        clearInterval(reminders);
        await jobs.stop();
        await handle.close();
        console.log("Stopped cleanly");
        process.exit(0);
      } catch (error) {
        console.error(error);
        process.exit(1);
      }
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/**
 * With WEB_CONCURRENCY > 1: migrate and seed once, then one web process per
 * core sharing the port; a process that dies is replaced; SIGTERM stops all
 * gracefully.
 */
async function runPrimary(config: Config, processes: number, startedAt: number) {
  const handle = await openDatabase({ url: config.DATABASE_URL, poolSize: 1, dataDir: config.DATA_DIR });
  await migrateToLatest(handle.db);
  if (config.SEED_DEMO) {
    await seedDemoNetwork(handle.db);
    console.log(demoSignInsText());
  }
  // Install the job queue's tables and queues once, so the web processes do not race to.
  const setup = await startJobQueue(handle, { config, work: false });
  await setup.stop();
  await handle.close();
  relayPageCacheInvalidations();
  // Web processes need little heap; a cap keeps V8 from growing lazily to
  // hundreds of MB each under load (see tests/bench/README.md).
  if (!/max-old-space-size/.test(process.env.NODE_OPTIONS ?? "")) {
    cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-old-space-size=192", "--max-semi-space-size=4"] });
  }

  let stopping = false;
  const indexOf = new Map<number, number>();
  const fork = (index: number) => {
    const worker = cluster.fork({ GWN_WORKER_INDEX: String(index) });
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
    const index = indexOf.get(worker.id) ?? 0;
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
