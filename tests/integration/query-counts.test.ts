import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoNetwork } from "../../db/seed";
import type { MemberActor } from "../../app/auth/policy";
import { guardianFor } from "../../app/auth/guardian.server";
import { replyToThread, startThread } from "../../app/domain/threads/posting.server";
import { toggleReaction } from "../../app/domain/threads/reactions.server";
import { POSTS_PER_PAGE } from "../../app/domain/threads/schema";
import { createClient } from "../helpers/client";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { startTestServer } from "../helpers/http-server";

/**
 * Every page is built from a fixed number of queries, however many threads,
 * posts, tags and reactions there are: no query per row (N+1). The forum's
 * database counts each query; a page is asked for twice and the second time
 * counted (the first may store a read position).
 */
let queries = 0;
let handle: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let counter = 0;
const freshIp = () => ({ "x-forwarded-for": `10.77.${Math.floor(++counter / 250)}.${counter % 250}` });

beforeAll(async () => {
  handle = await createTestDatabase({ onQuery: () => queries++ });
  await seedDemoNetwork(handle.db);
  server = await startTestServer(handle, { TRUST_PROXY: "true" });
});
afterAll(async () => {
  await server?.close();
  await handle?.dispose();
});

const GROUP = "goed-werk-in-de-praktijk";

async function actor(username: string): Promise<MemberActor> {
  const m = await handle.db.selectFrom("members").selectAll().where("username", "=", username).executeTakeFirstOrThrow();
  return { kind: "member", id: m.id, username, displayName: m.display_name, siteRole: m.site_role, emailVerified: true, locale: null, timeZone: m.time_zone };
}

async function pagesToMeasure(threadId: number) {
  const thread = await handle.db.selectFrom("threads").select(["slug", "post_count"]).where("id", "=", threadId).executeTakeFirstOrThrow();
  const lastPage = Math.max(1, Math.ceil(thread.post_count / POSTS_PER_PAGE));
  return {
    home: "/",
    "circle page": `/g/${GROUP}`,
    "principle page": "/p/goed-werk",
    "thread, first page": `/t/${threadId}/${thread.slug}`,
    "thread, last page": `/t/${threadId}/${thread.slug}?page=${lastPage}`,
    meetups: "/e",
    "member profile": "/u/carmen",
    search: "/search?q=werk",
  };
}

async function countQueries(pages: Record<string, string>, client: ReturnType<typeof createClient>) {
  const counts: Record<string, number> = {};
  for (const [name, path] of Object.entries(pages)) {
    expect((await client.get(path)).status, path).toBe(200);
    queries = 0;
    const response = await client.get(path);
    await response.text();
    expect(response.status, path).toBe(200);
    counts[name] = queries;
  }
  return counts;
}

// As if the posts came over weeks: the per-member posting limit starts afresh.
const weeksPass = () => handle.db.deleteFrom("rate_limits").execute();

async function addReplies(threadId: number, count: number) {
  const authors = [await actor("bram"), await actor("daan")];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) await weeksPass();
    const replied = await replyToThread(handle.db, guardianFor(handle.db, authors[i % 2]!), threadId, {
      body: `Reactie ${i} op het gesprek over goed werk.`,
      idempotencyKey: `grow-reply-${threadId}-${Date.now()}-${i}`,
    });
    expect(replied).toMatchObject({ ok: true });
  }
}

describe("queries per page", () => {
  it("stay the same when a circle grows from a few threads to dozens and a thread to several pages, for visitors and members", async () => {
    const thread = await handle.db.selectFrom("threads").select("id").where("title", "=", "Wanneer voelt werk voor jou als goed werk?").executeTakeFirstOrThrow();
    // A second page from the start: a later page also reads the opening post (for the description), once.
    const { post_count } = await handle.db.selectFrom("threads").select("post_count").where("id", "=", thread.id).executeTakeFirstOrThrow();
    await addReplies(thread.id, POSTS_PER_PAGE + 1 - post_count);
    const member = createClient(server.url, freshIp());
    expect((await member.signIn("carmen", "goedwerk-demo")).status).toBe(302);

    const before = await pagesToMeasure(thread.id);
    const small = { visitor: await countQueries(before, createClient(server.url, freshIp())), member: await countQueries(before, member) };
    for (const counts of Object.values(small)) for (const n of Object.values(counts)) expect(n).toBeGreaterThan(0);

    // The circle grows: 40 more threads with principles and theme tags, 80 more replies with reactions.
    const group = await handle.db.selectFrom("groups").select("id").where("slug", "=", GROUP).executeTakeFirstOrThrow();
    const [bram, carmen, daan] = [await actor("bram"), await actor("carmen"), await actor("daan")];
    const tags = await handle.db.selectFrom("group_tags").select("slug").where("group_id", "=", group.id).execute();
    for (let i = 0; i < 40; i++) {
      if (i % 10 === 0) await weeksPass();
      const started = await startThread(handle.db, guardianFor(handle.db, i % 2 ? bram : daan), group.id, {
        title: `Groeiend gesprek nummer ${i}`,
        body: `Een verhaal over goed werk, deel ${i}, voor @carmen.`,
        principles: ["goed-werk", "verbindingen"],
        tags: tags.slice(0, 3).map((t) => t.slug),
        idempotencyKey: `grow-thread-${i}`,
      });
      expect(started).toMatchObject({ ok: true });
    }
    await addReplies(thread.id, 80);
    const newest = await handle.db.selectFrom("posts").select("id").where("thread_id", "=", thread.id).orderBy("number", "desc").limit(30).execute();
    // The replies are by bram and daan; nobody reacts to their own post.
    const eva = await actor("eva");
    for (const post of newest) {
      expect((await toggleReaction(handle.db, guardianFor(handle.db, carmen), post.id, "heart")).ok).toBe(true);
      expect((await toggleReaction(handle.db, guardianFor(handle.db, eva), post.id, "thanks")).ok).toBe(true);
    }

    const after = await pagesToMeasure(thread.id);
    expect(after["thread, last page"]).not.toBe(before["thread, last page"]);
    const large = { visitor: await countQueries(after, createClient(server.url, freshIp())), member: await countQueries(after, member) };
    expect(large).toEqual(small);
  });
});
