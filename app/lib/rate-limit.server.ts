import { sql } from "kysely";
import type { Database } from "../../db/index";

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Counts one hit on `key` in a fixed window, in the database (so every app
 * process shares the count). Allowed while the count stays within `limit`.
 */
export async function hitRateLimit(
  db: Database,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<RateLimitResult> {
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_started_at: sql<Date>`now()`, hits: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        hits: sql<number>`case when rate_limits.window_started_at <= now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.hits + 1 end`,
        window_started_at: sql<Date>`case when rate_limits.window_started_at <= now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_started_at end`,
      }),
    )
    .returning([
      "hits",
      sql<number>`ceil(extract(epoch from (window_started_at + make_interval(secs => ${windowSeconds}) - now())))`.as("retry_after"),
    ])
    .executeTakeFirstOrThrow();
  return { allowed: row.hits <= limit, retryAfterSeconds: Math.max(1, Number(row.retry_after)) };
}

export async function clearRateLimit(db: Database, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}
