/**
 * Database commands: `npm run db:migrate`, `npm run db:seed`.
 * Uses DATABASE_URL when set, else the embedded database in DATA_DIR.
 */
import { ConfigError, loadConfig } from "../app/lib/env.server";
import { openDatabase } from "./index";
import { migrateToLatest } from "./migrate";
import { demoSignInsText, seedDemoNetwork } from "./seed";

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    dataDir: config.DATA_DIR,
  });
  const where = handle.kind === "postgres" ? "PostgreSQL" : `the embedded database in ${config.DATA_DIR}`;
  try {
    const migration = await migrateToLatest(handle.db);
    const applied = migration.results?.filter((r) => r.status === "Success").length ?? 0;
    console.log(`Migrated ${where}: ${applied} new migration(s).`);
    if (command === "seed") {
      const seeded = await seedDemoNetwork(handle.db);
      console.log(
        seeded.created.length > 0
          ? `Seeded the demo network (${seeded.created.length} people).`
          : "The demo network was already there; nothing changed.",
      );
      console.log(demoSignInsText());
    }
  } finally {
    await handle.close();
  }
}

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("Usage: tsx db/cli.ts migrate|seed");
  process.exit(2);
}
main(command).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
