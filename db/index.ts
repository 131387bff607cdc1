import { existsSync } from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect, sql, type KyselyConfig } from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect";
import { EmbeddedDatabaseThread, type EmbeddedDatabase } from "./pglite-thread";
import type { DB } from "./schema";

export type Database = Kysely<DB>;
export type { DB } from "./schema";

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it the embedded database is used. */
  url?: string;
  poolSize?: number;
  /** Folder of the embedded database, or "memory://" for an in-memory one. */
  dataDir?: string;
  /** A dump (from `dumpEmbedded`) to start an embedded database from. */
  loadDataDir?: Blob;
  /** Called after every query (Kysely's log hook): for query counts in tests and slow-query logs. */
  onQuery?: (sql: string, durationMs: number) => void;
}

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "embedded";
  /** True when an embedded database was created by this call (for first-run seeding). */
  isNew: boolean;
  pglite?: EmbeddedDatabase;
  close(): Promise<void>;
}

// count(*) and bigint columns come back as numbers on both databases.
const INT8 = 20;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const { onQuery } = options;
  const log: KyselyConfig["log"] = onQuery
    ? (event) => onQuery(event.query.sql, event.queryDurationMillis)
    : undefined;
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // Fail fast while the database is down, so pages answer 503 quickly.
      connectionTimeoutMillis: 2000,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client that loses its server must not crash the process.
    pool.on("error", (error) => console.warn(`database pool: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
    return { db, kind: "postgres", isNew: false, close: () => db.destroy() };
  }

  const dataDir = options.dataDir ?? "./data";
  const inMemory = dataDir.startsWith("memory://");
  const isNew = inMemory || !existsSync(path.join(dataDir, "PG_VERSION"));
  // In a worker thread of its own, so no query can stop this thread from answering (see pglite-thread.ts).
  const pglite = await EmbeddedDatabaseThread.open(inMemory ? dataDir : path.resolve(dataDir), options.loadDataDir);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), log });
  return { db, kind: "embedded", isNew, pglite, close: () => db.destroy() };
}

/** Answers within `timeoutMs` whether the database runs a trivial query. */
export async function isDatabaseReady(db: Database, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = sql`select 1`
    .execute(db)
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
