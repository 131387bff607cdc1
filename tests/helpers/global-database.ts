/**
 * Builds one migrated template database per test run; each test file then
 * starts from a copy (fast: no migrations per file).
 * - embedded: a PGlite data-directory dump in tests/.tmp
 * - PostgreSQL (TEST_DATABASE_URL set): a template database, copied with CREATE DATABASE … TEMPLATE
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/index";
import { migrateToLatest } from "../../db/migrate";
import { adminUrl, databaseUrlWithName } from "./postgres-urls";
import pg from "pg";

declare module "vitest" {
  export interface ProvidedContext {
    templateDump: string | null;
    templateDatabase: string | null;
  }
}

export default async function setup(project: TestProject) {
  const testUrl = process.env.TEST_DATABASE_URL;
  if (testUrl) {
    const name = `gwn_template_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl(testUrl) });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const handle = await openDatabase({ url: databaseUrlWithName(testUrl, name), poolSize: 1 });
    await migrateToLatest(handle.db);
    await handle.close();
    project.provide("templateDatabase", name);
    project.provide("templateDump", null);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }

  const handle = await openDatabase({ dataDir: "memory://" });
  await migrateToLatest(handle.db);
  const dump = await handle.pglite!.dumpDataDir("none");
  await handle.close();
  const dir = path.resolve("tests/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("templateDump", file);
  project.provide("templateDatabase", null);
  return () => rmSync(file, { force: true });
}
