import type { Database } from "../../db/index";

/**
 * Runs `apply` in a transaction on `handle`: a new one on the database, or the
 * caller's when `handle` already is a transaction, so commands compose (a
 * meetup and its discussion thread commit together or not at all).
 */
export function inTransaction<T>(handle: Database, apply: (trx: Database) => Promise<T>): Promise<T> {
  return handle.isTransaction ? apply(handle) : handle.transaction().execute(apply);
}

/** Carries a refusal out of a transaction, so it rolls back. */
class Refused<R> extends Error {
  constructor(readonly result: R) {
    super("refused");
  }
}

/**
 * Like `inTransaction`, for a command that may refuse halfway: a failure
 * (`ok: false`) rolls its own transaction back and is answered. Inside a
 * caller's transaction the failure is handed back, and the caller decides
 * (`commitOrRefuse` again rolls the whole back).
 */
export async function commitOrRefuse<R extends { ok: boolean }>(handle: Database, apply: (trx: Database) => Promise<R>): Promise<R> {
  if (handle.isTransaction) return apply(handle);
  try {
    return await handle.transaction().execute(async (trx) => {
      const result = await apply(trx);
      if (!result.ok) throw new Refused(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result as R;
    throw error;
  }
}
