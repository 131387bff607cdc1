import { describe, expect, it } from "vitest";
import { withSeededForum } from "../helpers/forum";

const { forum, visitor, as } = withSeededForum(21);

const firstPostOf = async (title: string) =>
  forum.handle.db
    .selectFrom("posts")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .select(["posts.id", "threads.id as threadId", "threads.slug"])
    .where("threads.title", "=", title)
    .where("posts.number", "=", 1)
    .executeTakeFirstOrThrow();

describe("a post's quote for the reply box (/posts/:id/quote)", () => {
  it("gives a reader the post as a Markdown quote that links back, kept by no shared cache", async () => {
    const post = await firstPostOf("Wanneer voelt werk voor jou als goed werk?");
    for (const client of [visitor(), await as("carmen")]) {
      const response = await client.get(`/posts/${post.id}/quote`, { accept: "application/json" });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toMatch(/no-store/);
      const { markdown } = (await response.json()) as { markdown: string };
      expect(markdown).toContain(`[@bram](/t/${post.threadId}/${post.slug}#post-1):\n> Ik ben benieuwd naar jullie voorbeelden.`);
    }
  });

  it("answers a private circle's post to outsiders exactly as a missing post (404), and to its members", async () => {
    const post = await firstPostOf("Casus: de werkdruk in het wijkteam");
    const missing = await visitor().get("/posts/999999999/quote");
    expect(missing.status).toBe(404);
    const missingBody = await missing.text();
    for (const client of [visitor(), await as("eva")]) {
      const response = await client.get(`/posts/${post.id}/quote`);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).toBe(missingBody);
      expect(body).not.toContain("wachtlijst");
    }
    const member = await (await as("daan")).get(`/posts/${post.id}/quote`);
    expect(member.status).toBe(200);
  });

  it("refuses a hidden post (a quote would republish it) and bad ids with 404, never a 500", async () => {
    const post = await firstPostOf("Regels schrappen: wie heeft een goed voorbeeld?");
    await forum.handle.db.updateTable("posts").set({ hidden_at: new Date(), hidden_reason: "test" }).where("id", "=", post.id).execute();
    try {
      // Not for its author (carmen), not for a host (bram), not for another member.
      for (const username of ["carmen", "bram", "daan"]) {
        expect((await (await as(username)).get(`/posts/${post.id}/quote`)).status, username).toBe(404);
      }
    } finally {
      await forum.handle.db.updateTable("posts").set({ hidden_at: null, hidden_reason: null }).where("id", "=", post.id).execute();
    }
    for (const id of ["0", "abc", "1e3", "9999999999999999", "99999999999999999999"]) {
      expect((await visitor().get(`/posts/${id}/quote`)).status, id).toBe(404);
    }
  });
});
