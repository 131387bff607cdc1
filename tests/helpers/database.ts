import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from "../../db/index";
import { adminUrl, databaseUrlWithName } from "./postgres-urls";

export interface TestDatabase extends DatabaseHandle {
  /** Closes and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

/** A fresh, migrated database for one test file: a copy of the run's template. */
export async function createTestDatabase({ onQuery }: Pick<DatabaseOptions, "onQuery"> = {}): Promise<TestDatabase> {
  const templateDatabase = inject("templateDatabase");
  const testUrl = process.env.TEST_DATABASE_URL;
  if (templateDatabase && testUrl) {
    const name = `gwn_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl(testUrl) });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${templateDatabase}`);
    } finally {
      await admin.end();
    }
    const handle = await openDatabase({ url: databaseUrlWithName(testUrl, name), poolSize: 5, onQuery });
    return {
      ...handle,
      async dispose() {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: adminUrl(testUrl) });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }

  const dumpFile = inject("templateDump");
  if (!dumpFile) throw new Error("No template database: is tests/helpers/global-database.ts the globalSetup?");
  const handle = await openDatabase({
    dataDir: "memory://",
    loadDataDir: new Blob([readFileSync(dumpFile)]),
    onQuery,
  });
  return { ...handle, dispose: () => handle.close() };
}
