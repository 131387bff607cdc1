import { sql } from "kysely";
import type { Database } from "../../../db/index";

/** Remembers how far a member read a thread; never moves backwards. */
export async function markThreadRead(handle: Database, memberId: string, threadId: number, number: number): Promise<void> {
  await handle
    .insertInto("thread_reads")
    .values({ member_id: memberId, thread_id: threadId, last_read_number: number })
    .onConflict((oc) =>
      oc.columns(["member_id", "thread_id"]).doUpdateSet({
        last_read_number: sql`greatest(thread_reads.last_read_number, excluded.last_read_number)`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
