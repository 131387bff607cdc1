/**
 * Database commands: `npm run db:migrate`, `npm run db:seed`,
 * `npm run user:admin -- --email someone@example.nl [--username name] [--name "Display Name"]`.
 * Uses DATABASE_URL when set, else the embedded database in DATA_DIR.
 */
import { parseArgs } from "node:util";
import { makeSiteAdmin } from "../app/domain/accounts/admin.server";
import { ConfigError, loadConfig } from "../app/lib/env.server";
import { openDatabase } from "./index";
import { migrateToLatest } from "./migrate";
import { demoSignInsText, seedDemoNetwork } from "./seed";

async function main(command: string | undefined, args: string[]): Promise<void> {
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
          ? `Seeded the demo network (${seeded.created.filter((c) => !c.includes("/")).length} people, ${seeded.created.filter((c) => c.startsWith("g/")).length} circles, ${seeded.created.filter((c) => c.startsWith("t/")).length} conversations).`
          : "The demo network was already there; nothing changed.",
      );
      console.log(demoSignInsText());
    }
    if (command === "admin") {
      const { values } = parseArgs({
        args,
        options: { email: { type: "string" }, username: { type: "string" }, name: { type: "string" } },
      });
      if (!values.email) throw new UsageError("--email is required");
      const result = await makeSiteAdmin(handle.db, {
        email: values.email,
        username: values.username,
        displayName: values.name,
      });
      if (!result.ok) throw new UsageError(result.error);
      if (result.created) {
        console.log(`Created site admin @${result.username} with the one-time password: ${result.password}`);
        console.log("Sign in and change it under Settings → Account.");
      } else {
        console.log(`@${result.username} is now a site admin.`);
      }
    }
  } finally {
    await handle.close();
  }
}

class UsageError extends Error {}

const [command, ...rest] = process.argv.slice(2);
if (command !== "migrate" && command !== "seed" && command !== "admin") {
  console.error("Usage: tsx db/cli.ts migrate | seed | admin --email <address> [--username <name>] [--name <display name>]");
  process.exit(2);
}
main(command, rest).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof UsageError ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
