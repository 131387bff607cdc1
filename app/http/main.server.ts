/**
 * The production server: `node build/server.js` (bundled from this file).
 * Validates configuration, opens and migrates the database, seeds a brand-new
 * embedded database with the demo network, serves, and shuts down gracefully.
 */
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase } from "../../db/index";
import { migrateToLatest } from "../../db/migrate";
import { demoSignInsText, seedDemoNetwork } from "../../db/seed";
import { startJobQueue } from "../lib/jobs.server";
import { ConfigError, loadConfig, type Config } from "../lib/env.server";
import { createHttpApp } from "./app.server";

const SHUTDOWN_GRACE_MS = 10_000;

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

  const buildDir = path.dirname(fileURLToPath(import.meta.url));
  const rootDir = path.resolve(buildDir, "..");
  const build = (await import(pathToFileURL(path.join(buildDir, "index.js")).href)) as ServerBuild;

  const handle = await openDatabase({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    dataDir: config.DATA_DIR,
  });
  await migrateToLatest(handle.db);
  const shouldSeed = config.SEED_DEMO ?? (handle.kind === "embedded" && handle.isNew);
  if (shouldSeed) {
    await seedDemoNetwork(handle.db);
    console.log(demoSignInsText());
  }

  const jobs = await startJobQueue(handle, { config, work: true });

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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
