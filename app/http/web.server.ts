/**
 * A web process: opens the database, serves, runs the email sweep (in one
 * process only) and shuts down gracefully. Bundled into `build/web.js`, which
 * the launcher (`build/server.js`) loads only in processes that serve, so the
 * cluster primary stays small.
 */
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase, type DatabaseHandle } from "../../db/index";
import { migrateToLatest } from "../../db/migrate";
import { demoSignInsText, seedDemoNetwork } from "../../db/seed";
import { startJobQueue } from "../lib/jobs.server";
import type { Config } from "../lib/env.server";
import { createHttpApp } from "./app.server";
import { SiteAddress } from "./site.server";
import { sendDueReminders } from "../domain/events/commands.server";
import { sendDigests, sendNotificationEmails } from "../domain/notifications/email.server";
import { removeLooseUploads } from "../domain/uploads/store.server";

const SHUTDOWN_GRACE_MS = 10_000;
// Notification emails every minute; reminders, digests and clearing loose uploads every fifth time.
const SWEEP_MS = 60_000;

/**
 * Once per start, before any web process serves: migrate, seed when asked
 * (or when the embedded database is brand new), and install the job queue's
 * tables so web processes do not race to.
 */
export async function prepareDatabase(config: Config): Promise<void> {
  const handle = await openDatabase({ url: config.DATABASE_URL, poolSize: 1, dataDir: config.DATA_DIR });
  try {
    await prepare(handle, config);
  } finally {
    await handle.close();
  }
}

async function prepare(handle: DatabaseHandle, config: Config): Promise<void> {
  await migrateToLatest(handle.db);
  if (config.SEED_DEMO ?? (handle.kind === "embedded" && handle.isNew)) {
    await seedDemoNetwork(handle.db);
    console.log(demoSignInsText());
  }
  const setup = await startJobQueue(handle, { config, work: false });
  await setup.stop();
}

/**
 * Serves until SIGTERM/SIGINT. A single process prepares the database itself
 * (`alone`) and prints the address once listening; in a cluster the primary
 * has had it prepared and announces.
 */
export async function serve(config: Config, { workerIndex, alone, startedAt }: { workerIndex: number; alone: boolean; startedAt: number }) {
  const buildDir = path.dirname(fileURLToPath(import.meta.url));
  const rootDir = path.resolve(buildDir, "..");
  const build = (await import(pathToFileURL(path.join(buildDir, "index.js")).href)) as ServerBuild;

  const handle = await openDatabase({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    dataDir: config.DATA_DIR,
  });
  if (alone) await prepare(handle, config);

  // Every absolute URL is built from this origin; its port is set once listening.
  const site = new SiteAddress(config);
  // One process works the job queue; every process can add jobs.
  const jobs = await startJobQueue(handle, { config, work: workerIndex === 0 });
  // Notification emails, event reminders and digests: a sweep every minute; each
  // is recorded with its email, so none is sent twice.
  let sweeper: NodeJS.Timeout | undefined;
  if (workerIndex === 0) {
    let tick = 0;
    let busy = false;
    const sweep = async () => {
      if (busy) return;
      busy = true;
      const ctx = { jobs, origin: site.origin };
      try {
        await sendNotificationEmails(handle.db, ctx);
        if (tick++ % 5 === 0) {
          await sendDueReminders(handle.db, ctx);
          await sendDigests(handle.db, ctx);
          await removeLooseUploads(handle.db);
        }
      } catch (error) {
        console.warn(`email sweep: ${String(error)}`);
      } finally {
        busy = false;
      }
    };
    sweeper = setInterval(() => void sweep(), SWEEP_MS);
    sweeper.unref();
    void sweep();
  }

  const app = createHttpApp({
    build,
    db: handle.db,
    embeddedDatabase: handle.kind === "embedded",
    jobs,
    config,
    site,
    publicDir: path.join(rootDir, "public"),
    log: config.LOG_REQUESTS ? (line) => console.log(line) : undefined,
  });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    site.listening(port);
    if (!alone) return;
    const where = handle.kind === "postgres" ? "PostgreSQL" : `embedded database in ${config.DATA_DIR}`;
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
        clearInterval(sweeper);
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
