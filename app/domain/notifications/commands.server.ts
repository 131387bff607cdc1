import { z } from "zod";
import type { Database } from "../../../db/index";
import type { WatchLevel } from "../../../db/schema";
import { isMember, type Actor } from "../../auth/policy";
import type { CommandResult } from "../accounts/commands.server";
import { readableGroups } from "../../auth/readable.server";
import { findVisibleThread } from "../threads/queries.server";
import { setThreadWatch } from "./fanout.server";

export const watchSchema = z.object({ level: z.enum(["watching", "tracking", "muted"]) });

const notFound = { ok: false, status: 404, formError: "error.notFound.title" } as const;
const mustSignIn = { ok: false, status: 401, formError: "groups.signInFirst" } as const;

export async function watchThread(db: Database, actor: Actor, threadId: number, level: WatchLevel): Promise<CommandResult> {
  if (!(await findVisibleThread(db, actor, threadId))) return notFound;
  if (!isMember(actor)) return mustSignIn;
  await setThreadWatch(db, actor.id, threadId, level, true);
  return { ok: true };
}

export async function watchGroup(db: Database, actor: Actor, groupId: string, level: WatchLevel): Promise<CommandResult> {
  const group = await db.selectFrom("groups").select("id").where("id", "=", groupId).where(readableGroups(actor)).executeTakeFirst();
  if (!group) return notFound;
  if (!isMember(actor)) return mustSignIn;
  await db
    .insertInto("group_watches")
    .values({ member_id: actor.id, group_id: groupId, level })
    .onConflict((oc) => oc.columns(["member_id", "group_id"]).doUpdateSet({ level }))
    .execute();
  return { ok: true };
}

export async function watchPrinciple(db: Database, actor: Actor, slug: string, on: boolean): Promise<CommandResult> {
  if (!isMember(actor)) return mustSignIn;
  const principle = await db.selectFrom("principles").select("slug").where("slug", "=", slug).executeTakeFirst();
  if (!principle) return notFound;
  if (on) {
    await db.insertInto("principle_watches").values({ member_id: actor.id, principle_slug: slug }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await db.deleteFrom("principle_watches").where("member_id", "=", actor.id).where("principle_slug", "=", slug).execute();
  }
  return { ok: true };
}

export async function watchLevels(db: Database, memberId: string, target: { threadId?: number; groupId?: string; principle?: string }) {
  const [thread, group, principle] = await Promise.all([
    target.threadId
      ? db.selectFrom("thread_watches").select("level").where("member_id", "=", memberId).where("thread_id", "=", target.threadId).executeTakeFirst()
      : undefined,
    target.groupId
      ? db.selectFrom("group_watches").select("level").where("member_id", "=", memberId).where("group_id", "=", target.groupId).executeTakeFirst()
      : undefined,
    target.principle
      ? db.selectFrom("principle_watches").select("member_id").where("member_id", "=", memberId).where("principle_slug", "=", target.principle).executeTakeFirst()
      : undefined,
  ]);
  return { thread: thread?.level ?? null, group: group?.level ?? null, principle: principle !== undefined };
}
