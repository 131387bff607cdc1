import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { instantToWallTime } from "../../app/lib/time-zones";
import { visibleText } from "../helpers/client";
import { withSeededForum } from "../helpers/forum";
import { MAX_POST, PATHOLOGICAL_TEXTS } from "../helpers/pathological-text";

const { forum, visitor, as } = withSeededForum(11, { NEW_MEMBER_DAYS: "0" });
let counter = 0;
const key = () => `text-cost-${++counter}-${Date.now()}`;

// Generous for a slow, shared 2-core machine; before the bound the worst of
// these shapes took 10–70 s to post and searches over them minutes.
const STEP_BUDGET_MS = 5000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function startThread(title: string) {
  const carmen = await as("carmen");
  const response = await carmen.post("/g/goed-werk-in-de-praktijk/new", { intent: "post", title, body: "Hier proberen we vreemde teksten.", idempotencyKey: key() });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

describe("every text has a bounded cost whatever its shape", () => {
  it("posts, renders, indexes and finds each pathological shape within a small budget", { timeout: 300_000 }, async () => {
    const threadPath = await startThread("Vreemde vormen van tekst");
    const authors = [await as("carmen"), await as("eva"), await as("daan")];
    for (const [index, [name, shape]] of PATHOLOGICAL_TEXTS.entries()) {
      // A word of its own in front, so the search can be checked to find this very post.
      const marker = `vormproef${String.fromCharCode(97 + Math.floor(index / 26))}${String.fromCharCode(97 + (index % 26))}`;
      const body = `${marker}\n\n${shape}`.slice(0, MAX_POST);
      const author = authors[index % authors.length]!;
      const [posted, postMs] = await timed(() => author.post(threadPath, { intent: "post", body, idempotencyKey: key() }));
      expect(posted.status, name).toBe(302);
      expect(postMs, `posting ${name}`).toBeLessThan(STEP_BUDGET_MS);
      const postPath = posted.headers.get("location")!;

      const [page, renderMs] = await timed(async () => (await visitor().get(postPath.replace(/#.*$/, ""))).text());
      expect(renderMs, `showing ${name}`).toBeLessThan(STEP_BUDGET_MS);
      expect(page).toContain(marker);

      const [found, searchMs] = await timed(async () => (await visitor().get(`/search?${new URLSearchParams({ q: marker })}`)).text());
      expect(searchMs, `searching for ${name}`).toBeLessThan(STEP_BUDGET_MS);
      expect(found, name).toContain(`<mark>${marker}</mark>`);

      // The shape itself as the query: a hostile query costs no more than a plain one.
      const [hostile, hostileMs] = await timed(() => visitor().get(`/search?${new URLSearchParams({ q: shape.slice(0, 200) })}`));
      expect(hostile.status, name).toBe(200);
      expect(hostileMs, `searching with ${name}`).toBeLessThan(STEP_BUDGET_MS);
    }
    // Everything at once: the broadest search reads and highlights a page full of them.
    const [all, allMs] = await timed(async () => (await visitor().get("/search?q=a")).text());
    expect(allMs, "searching for a").toBeLessThan(STEP_BUDGET_MS);
    expect(visibleText(all)).toContain("Vreemde vormen van tekst");
  });

  it("creates, shows and finds a meetup whose description is pathological within the budget", async () => {
    const bram = await as("bram");
    const day = instantToWallTime(new Date(Date.now() + 20 * 86_400_000), "Europe/Amsterdam").slice(0, 10);
    const description = `vormproefmeetup\n\n${"_a".repeat(MAX_POST)}`.slice(0, MAX_POST);
    const [created, createMs] = await timed(() =>
      bram.post("/e/new?group=goed-werk-in-de-praktijk", {
        title: "Vreemde kringavond",
        description,
        starts: `${day}T19:30`,
        ends: `${day}T21:30`,
        timeZone: "Europe/Amsterdam",
        placeName: "Bibliotheek",
        placeAddress: "",
        mapUrl: "",
        onlineUrl: "",
        capacity: "",
        rsvpDeadline: "",
      }),
    );
    expect(created.status).toBe(302);
    expect(createMs).toBeLessThan(STEP_BUDGET_MS);
    const [shown, showMs] = await timed(() => visitor().get(created.headers.get("location")!));
    expect(shown.status).toBe(200);
    expect(showMs).toBeLessThan(STEP_BUDGET_MS);
    const [found, searchMs] = await timed(async () => (await visitor().get("/search?q=vormproefmeetup&type=events")).text());
    expect(searchMs).toBeLessThan(STEP_BUDGET_MS);
    expect(found).toContain("<mark>vormproefmeetup</mark>");
  });

  it("answers /healthz within a second while a pathological post is written", { timeout: 120_000 }, async () => {
    const threadPath = await startThread("Gezondheid tijdens het schrijven");
    const eva = await as("eva");
    const writes = [`_a`, `a_`, `*a_`, `~/`].map((unit) => unit.repeat(MAX_POST).slice(0, MAX_POST));
    for (const body of writes) {
      const writing = eva.post(threadPath, { intent: "post", body, idempotencyKey: key() });
      const waits = await healthzWaitsWhile(writing);
      expect((await writing).status).toBe(302);
      expect(Math.max(...waits), `/healthz waited ${waits.map(Math.round).join(", ")} ms`).toBeLessThan(1000);
    }
  });
});

/** How long each /healthz took, asked over and over until `work` settles. */
async function healthzWaitsWhile(work: Promise<unknown>): Promise<number[]> {
  let done = false;
  void work.finally(() => {
    done = true;
  }).catch(() => undefined);
  const waits: number[] = [];
  do {
    const [health, ms] = await timed(() => fetch(`${forum.server.url}/healthz`));
    expect(health.status).toBe(200);
    waits.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (!done);
  return waits;
}

describe("the server while the database is busy", () => {
  it("answers /healthz within a second while one query takes seconds (the embedded database runs in its own thread)", async () => {
    // The parser on unbounded text, as the search columns once did: seconds of CPU inside the database.
    const started = performance.now();
    const slow = new Promise((resolve) => setTimeout(resolve, 50)).then(() =>
      sql`select length(to_tsvector('simple', repeat('_a', 7000))::text)`.execute(forum.handle.db),
    );
    const waits = await healthzWaitsWhile(slow);
    await slow;
    expect(Math.max(...waits), `/healthz waited ${waits.map(Math.round).join(", ")} ms`).toBeLessThan(1000);
    expect(performance.now() - started, "the query was slow enough to prove anything").toBeGreaterThan(1000);
  });
});

describe("preview", () => {
  it("is for members only: a visitor is sent to sign in and nothing is rendered", async () => {
    const threadPath = await startThread("Voorbeeld voor bezoekers");
    const response = await visitor().post(threadPath, { intent: "preview", body: "_a".repeat(16_000) });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("is rate-limited per member: 429 with Retry-After, a translated message and the typed text kept", async () => {
    const daan = await as("daan");
    const typed = "Mijn **concept** met een zeldzaamwoordje";
    let last: Response | undefined;
    for (let i = 0; i < 40; i++) {
      last = await daan.post("/g/goed-werk-in-de-praktijk/new", { intent: "preview", title: "Concept", body: typed, idempotencyKey: key() });
      if (last.status === 429) break;
      expect(last.status).toBe(200);
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await last!.text();
    expect(visibleText(html)).toContain("te vaak achter elkaar een voorbeeld");
    expect(html).toContain("zeldzaamwoordje");
    // Posting itself is limited separately and still works.
    const posted = await daan.post("/g/goed-werk-in-de-praktijk/new", { intent: "post", title: "Concept", body: typed, idempotencyKey: key() });
    expect(posted.status).toBe(302);
  });
});
