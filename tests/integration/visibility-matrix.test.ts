/**
 * The visibility matrix (README, "Security model"): content states ×
 * viewers × read surfaces → visible, absent, or the very page a missing thing gets.
 *
 * Everything is generated from the tables below. The expectations come from the
 * RULES (see `readsThread` / `readsPost`), never from what the code does today.
 * A cell that cannot pass yet is named in KNOWN_LEAKS, with why, and runs as
 * `it.fails`: fixing it turns the cell red until it is taken off the list.
 *
 * Content is made through the real forms (threads, replies, edits, hiding,
 * deleting, locking, reactions, reports, meetups, RSVPs, bans, suspension);
 * only members, memberships and roles go straight into the database.
 *
 * Content: three circles (public, private listed, private unlisted); in each a
 * thread per state (normal, hidden, deleted, locked) with its opening post and a
 * normal reply, and in the normal thread a reply per post state (hidden, deleted,
 * edited). Opening posts and the hidden, deleted and edited replies were edited
 * before their state was set, so their history holds text to leak.
 * Cell names: `<circle>/thread-<state>/post-<state> × <viewer> × <surface>`.
 * Posts have no permalink of their own: `/t/:id/:slug#post-N` is the thread page.
 *
 * "Missing" means: the same status and the same bytes as the same request for an
 * id that does not exist, after taking out the per-response CSP nonce and the
 * address one asked for (the page repeats it in its language switch).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { instantToWallTime } from "../../app/lib/time-zones";
import { createMember, FIXTURE_PASSWORD } from "../helpers/fixtures";
import { withSeededForum } from "../helpers/forum";

const { forum, visitor, as } = withSeededForum(20);
type Client = ReturnType<typeof visitor>;

// ——— the tables ———

const CIRCLES = [
  { kind: "public", code: "pub", slug: "mx-openbaar", name: "Matrix openbaar", visibility: "public", listed: "listed", joinPolicy: "open" },
  { kind: "private-listed", code: "lst", slug: "mx-besloten-zichtbaar", name: "Matrix besloten zichtbaar", visibility: "private", listed: "listed", joinPolicy: "request" },
  { kind: "private-unlisted", code: "unl", slug: "mx-besloten-onzichtbaar", name: "Matrix besloten onzichtbaar", visibility: "private", listed: "unlisted", joinPolicy: "invite" },
] as const;
type Circle = (typeof CIRCLES)[number];
type CircleKind = Circle["kind"];
/** The circle that "host of another circle" hosts (public, none of the matrix content). */
const OTHER_CIRCLE = { slug: "mx-andere-kring", name: "Matrix andere kring", visibility: "public", listed: "listed", joinPolicy: "open" } as const;

const THREAD_STATES = ["normal", "hidden", "deleted", "locked"] as const;
type ThreadState = (typeof THREAD_STATES)[number];
type PostState = "opening" | "normal" | "hidden" | "deleted" | "edited";
/** Every thread has its opening post and an ordinary reply; the normal thread also has a reply in every other post state. */
const postStatesIn = (thread: ThreadState): PostState[] => (thread === "normal" ? ["opening", "normal", "hidden", "deleted", "edited"] : ["opening", "normal"]);

const VIEWERS = [
  "visitor",
  "signed-in-outsider",
  "circle-member",
  "banned-member",
  "suspended-member",
  "author",
  "circle-host",
  "host-of-other-circle",
  "site-admin",
] as const;
type Viewer = (typeof VIEWERS)[number];

const USERS = {
  admin: "mxbeheer",
  owner: "mxeigenaar",
  host: "mxgastheer",
  member: "mxlid",
  banned: "mxverbannen",
  suspended: "mxgeschorst",
  outsider: "mxbuiten",
  otherHost: "mxandergast",
  reactor: "mxreageerder",
} as const;
const authorOf = (circle: Circle) => `mxauteur${circle.code}`;

interface ThreadItem {
  circle: Circle;
  thread: ThreadState;
  label: string;
}
interface PostItem extends ThreadItem {
  post: PostState;
  /** Edited before its state was set, so its history holds an earlier text. */
  edited: boolean;
  hiddenPost: boolean;
  deletedPost: boolean;
}

const THREADS: ThreadItem[] = CIRCLES.flatMap((circle) => THREAD_STATES.map((thread) => ({ circle, thread, label: `${circle.kind}/thread-${thread}` })));
const POSTS: PostItem[] = THREADS.flatMap((t) =>
  postStatesIn(t.thread).map((post) => ({
    ...t,
    post,
    label: `${t.label}/post-${post}`,
    edited: post !== "normal",
    // Hiding the opening post hides the thread; deleting it deletes the thread.
    hiddenPost: post === "hidden" || (post === "opening" && t.thread === "hidden"),
    deletedPost: post === "deleted" || (post === "opening" && t.thread === "deleted"),
  })),
);

/**
 * Whether a quote may carry this post's text: one the viewer may read, not
 * hidden, not deleted, and not in a hidden thread (a quote would republish it).
 */
const quotable = (v: Viewer, p: PostItem) => readsPost(v, p) && !p.hiddenPost && !p.deletedPost && p.thread !== "hidden";

/** A unique word in every piece of text, to look for on every surface. */
const titleWord = (t: ThreadItem) => `mx${t.circle.code}${t.thread}titel`;
const nowWord = (p: PostItem) => `mx${p.circle.code}${p.thread}${p.post}nu`;
const oldWord = (p: PostItem) => `mx${p.circle.code}${p.thread}${p.post}oud`;
/** In every text of a circle: one search finds all of it. */
const searchToken = (circle: Circle) => `zoek${circle.code}`;
const meetupWords = (circle: Circle) => ({ title: `mx${circle.code}meetuptitel`, description: `mx${circle.code}meetupomschrijving`, link: `mx${circle.code}meetuplink` });
const PRINCIPLE = "verbindingen";

// ——— the rules ———

/**
 * After setup: the ban removed the banned member from every matrix circle (a ban
 * deletes the membership, app/domain/groups/commands.server.ts `removeMember`),
 * and the suspension ended the suspended member's sessions (they read as a
 * visitor: "it can still read public content", suspensions.server.ts).
 */
const belongs = (v: Viewer) => v === "circle-member" || v === "author" || v === "circle-host";
const hosts = (v: Viewer) => v === "circle-host" || v === "site-admin";
/** A private circle's content is invisible to anyone but its members and site admins. */
const seesCircle = (v: Viewer, circle: Circle) => circle.visibility === "public" || belongs(v) || v === "site-admin";
/** A deleted thread is gone for all but the circle's hosts and site admins; a hidden one stays with its author too; locked reads as normal. */
const readsThread = (v: Viewer, t: ThreadItem) =>
  seesCircle(v, t.circle) && (t.thread !== "deleted" || hosts(v)) && (t.thread !== "hidden" || hosts(v) || v === "author");
/** A deleted post's text goes to nobody; a hidden post's text to its author, the circle's hosts and site admins. */
const readsPost = (v: Viewer, p: PostItem) => readsThread(v, p) && !p.deletedPost && (!p.hiddenPost || hosts(v) || v === "author");
/** Threads that lists are expected to show (when readable). */
const listedState = (t: ThreadItem) => t.thread === "normal" || t.thread === "locked";
/** What feeds, sitemaps and search engines may carry: what a visitor reads. */
const publicThread = (t: ThreadItem) => readsThread("visitor", t);
const publicPost = (p: PostItem) => readsPost("visitor", p);
/** The online link of a meetup: for those going (the circle member RSVPs) and for the circle's hosts (e.$id.tsx); page and .ics must agree. */
const getsOnlineLink = (v: Viewer, circle: Circle) => seesCircle(v, circle) && (v === "circle-member" || hosts(v));

/** Words of this post the viewer must not see on a surface that shows current text. */
function forbiddenWords(v: Viewer, p: PostItem): string[] {
  const words = p.edited ? [oldWord(p)] : [];
  if (!readsPost(v, p)) words.push(nowWord(p));
  if (!readsThread(v, p)) words.push(titleWord(p));
  return words;
}
function forbiddenThreadWords(v: Viewer, t: ThreadItem): string[] {
  return POSTS.filter((p) => p.label.startsWith(`${t.label}/`)).flatMap((p) => forbiddenWords(v, p)).filter((w, i, all) => all.indexOf(w) === i);
}

// ——— requests, observations, comparison with a missing thing ———

interface Req {
  method: "GET" | "POST";
  path: string;
  form?: Record<string, string>;
}
interface Obs {
  status: number;
  body: string;
  location: string;
}
type Seen = (req: Req) => Obs;

const get = (path: string): Req => ({ method: "GET", path });
const MISSING_ID = 999999999;
const THREAD_DATA = `_data=${encodeURIComponent("routes/t.$id.($slug)")}`;
const MISSING = {
  thread: get(`/t/${MISSING_ID}/matrix`),
  quote: get(`/t/${MISSING_ID}/matrix?quote=1&${THREAD_DATA}`),
  history: get(`/posts/${MISSING_ID}/history`),
  quoteResource: get(`/posts/${MISSING_ID}/quote`),
  edit: get(`/posts/${MISSING_ID}/edit`),
  titleEdit: get(`/t/${MISSING_ID}/edit`),
  react: { method: "POST", path: `/t/${MISSING_ID}/matrix`, form: { intent: "react", postId: String(MISSING_ID), kind: "thanks" } } as Req,
  circle: get("/g/bestaat-niet"),
  moderation: get("/g/bestaat-niet/moderation"),
  review: get("/g/bestaat-niet/review"),
  event: get(`/e/${MISSING_ID}`),
  eventIcs: get(`/e/${MISSING_ID}/calendar.ics`),
  circleCalendar: get("/g/bestaat-niet/calendar.ics"),
  circleFeed: (format: string) => get(`/g/bestaat-niet/feed.${format}`),
  threadFeed: (format: string) => get(`/t/${MISSING_ID}/feed.${format}`),
};

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** The address one asked for comes back in a page (the language switch, a sign-in link): that is no leak. */
function withoutPath(text: string, path: string): string {
  let out = text;
  for (const variant of [path, escapeHtml(path), encodeURIComponent(path)]) out = out.split(variant).join("{path}");
  return out;
}
/** Status, redirect and body, with the per-response CSP nonce and the requested address taken out. */
const normalized = (obs: Obs, req: Req) => withoutPath(`${obs.status}\n${obs.location}\n${obs.body}`.replace(/nonce="[^"]*"/g, 'nonce=""'), req.path);
/** iCalendar folds long lines; unfold before looking for words. */
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, "");

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${JSON.stringify(a.slice(Math.max(0, i - 40), i + 60))} vs …${JSON.stringify(b.slice(Math.max(0, i - 40), i + 60))}`;
}

/** The same status and (normalised) bytes as a request for something that does not exist. */
function sameAsMissing(seen: Seen, req: Req, missing: Req): string[] {
  const a = seen(req);
  const b = seen(missing);
  if (a.status !== b.status) return [`answers ${a.status} where a missing one answers ${b.status}`];
  const na = normalized(a, req);
  const nb = normalized(b, missing);
  return na === nb ? [] : [`answers ${a.status} like a missing one, but the body differs: ${firstDifference(na, nb)}`];
}
function absent(text: string, words: string[], where: string): string[] {
  return words.filter((w) => text.includes(w)).map((w) => `${where} shows "${w}"`);
}
function present(text: string, words: string[], where: string): string[] {
  return words.filter((w) => !text.includes(w)).map((w) => `${where} lacks "${w}"`);
}
function status(obs: Obs, expected: number | ((s: number) => boolean), where: string): string[] {
  const ok = typeof expected === "number" ? obs.status === expected : expected(obs.status);
  return ok ? [] : [`${where} answers ${obs.status}${typeof expected === "number" ? `, expected ${expected}` : ""}`];
}
const not200 = (s: number) => s !== 200;
/** Body text as a viewer gets it, without the address they asked for (computed once per response). */
const bodies = new WeakMap<Obs, string>();
function bodyOf(seen: Seen, req: Req): string {
  const obs = seen(req);
  let body = bodies.get(obs);
  if (body === undefined) bodies.set(obs, (body = withoutPath(obs.body, req.path)));
  return body;
}

function metadataOf(html: string): string {
  const metas = [...html.matchAll(/<meta\s[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /(?:name|property)="(?:description|og:[^"]*|twitter:[^"]*)"/.test(tag))
    .map((tag) => /content="([^"]*)"/.exec(tag)?.[1] ?? "");
  const ld = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
  return [...metas, ...ld].join("\n");
}

interface ThreadData {
  quote: string | null;
  posts: Array<{ id: number; reactions: unknown[] }>;
}
function threadData(obs: Obs): ThreadData | null {
  try {
    return JSON.parse(obs.body) as ThreadData;
  } catch {
    return null;
  }
}

// ——— the world the setup builds ———

interface World {
  threads: Map<string, { id: number; slug: string; path: string }>;
  posts: Map<string, { id: number; number: number }>;
  events: Map<CircleKind, number>;
  memberIds: Map<string, string>;
  clients: Map<string, Client>;
}
let world: World;
const threadLabel = (t: ThreadItem) => `${t.circle.kind}/thread-${t.thread}`;
const threadOf = (t: ThreadItem) => world.threads.get(threadLabel(t))!;
const postOf = (p: PostItem) => world.posts.get(p.label)!;
const clientKey = (v: Viewer, circle: Circle) => (v === "author" ? `author-${circle.code}` : v);
/** The public normal thread, readable by everyone: the place to try quoting posts of other threads. */
const QUOTE_CARRIER = THREADS.find((t) => t.circle.kind === "public" && t.thread === "normal")!;

const DAY = 86_400_000;
const wall = (days: number, time: string) => `${instantToWallTime(new Date(Date.now() + days * DAY), "Europe/Amsterdam").slice(0, 10)}T${time}`;
let keyCounter = 0;
const idempotencyKey = () => `matrix-${++keyCounter}-${Date.now()}`;
const MENTIONS = `@${USERS.member} @${USERS.banned} @${USERS.outsider} @${USERS.otherHost}`;
const openingBody = (p: PostItem, word: string) => `${word} ${searchToken(p.circle)} ${MENTIONS}`;
const replyBody = (p: PostItem, word: string) => `${word} ${searchToken(p.circle)}`;

async function expectStatus(response: Promise<Response>, expected: number, what: string): Promise<Response> {
  const r = await response;
  if (r.status !== expected) throw new Error(`setup: ${what} answered ${r.status}, expected ${expected}`);
  return r;
}

beforeAll(async () => {
  const db = forum.handle.db;
  const memberIds = new Map<string, string>();
  for (const username of [...Object.values(USERS), ...CIRCLES.map(authorOf)]) {
    memberIds.set(username, (await createMember(db, username, { admin: username === USERS.admin })).id);
  }
  const sign = (username: string) => as(username, FIXTURE_PASSWORD);
  const admin = await sign(USERS.admin);
  for (const circle of [...CIRCLES, OTHER_CIRCLE]) {
    await expectStatus(
      admin.post("/g/new", {
        name: circle.name,
        slug: circle.slug,
        description: `${circle.name}: een kring voor de zichtbaarheidsmatrix.`,
        about: "Matrix",
        colour: "teal",
        visibility: circle.visibility,
        listed: circle.listed,
        joinPolicy: circle.joinPolicy,
        owner: circle === OTHER_CIRCLE ? USERS.otherHost : USERS.owner,
      }),
      302,
      `creating ${circle.slug}`,
    );
  }
  const groups = new Map((await db.selectFrom("groups").select(["id", "slug"]).execute()).map((g) => [g.slug, g.id]));
  await db
    .insertInto("group_members")
    .values(
      CIRCLES.flatMap((circle) =>
        (
          [
            [USERS.host, "moderator"],
            [USERS.member, "member"],
            [USERS.banned, "member"],
            [USERS.suspended, "member"],
            [USERS.reactor, "member"],
            [authorOf(circle), "member"],
          ] as const
        ).map(([username, role]) => ({ group_id: groups.get(circle.slug)!, member_id: memberIds.get(username)!, role })),
      ),
    )
    .execute();

  const [host, member, banned, suspended, outsider, otherHost, reactor, ...authors] = await Promise.all(
    [USERS.host, USERS.member, USERS.banned, USERS.suspended, USERS.outsider, USERS.otherHost, USERS.reactor, ...CIRCLES.map(authorOf)].map(sign),
  );
  const clients = new Map<string, Client>([
    ["visitor", visitor()],
    ["signed-in-outsider", outsider!],
    ["circle-member", member!],
    ["banned-member", banned!],
    ["suspended-member", suspended!],
    ["circle-host", host!],
    ["host-of-other-circle", otherHost!],
    ["site-admin", admin],
    ...CIRCLES.map((circle, i) => [`author-${circle.code}`, authors[i]!] as [string, Client]),
  ]);

  const threads = new Map<string, { id: number; slug: string; path: string }>();
  const posts = new Map<string, { id: number; number: number }>();
  const events = new Map<CircleKind, number>();

  // The three circles are built side by side; within one, step by step.
  await Promise.all(
    CIRCLES.map(async (circle) => {
      const author = clients.get(`author-${circle.code}`)!;
      const mine = POSTS.filter((p) => p.circle === circle);
      for (const t of THREADS.filter((x) => x.circle === circle)) {
        const opening = mine.find((p) => p.label === `${t.label}/post-opening`)!;
        const started = await expectStatus(
          author.post(`/g/${circle.slug}/new`, {
            intent: "post",
            title: `Matrix ${titleWord(t)} ${searchToken(circle)}`,
            body: openingBody(opening, oldWord(opening)),
            idempotencyKey: idempotencyKey(),
            [`principle-${PRINCIPLE}`]: "on",
          }),
          302,
          `starting ${t.label}`,
        );
        const path = started.headers.get("location")!;
        const [, id, slug] = /^\/t\/(\d+)\/([^?#]+)$/.exec(path)!;
        threads.set(t.label, { id: Number(id), slug: slug!, path });
        for (const p of mine.filter((x) => x.label.startsWith(`${t.label}/`) && x.post !== "opening")) {
          const replied = await expectStatus(
            author.post(path, { intent: "post", body: replyBody(p, p.edited ? oldWord(p) : nowWord(p)), idempotencyKey: idempotencyKey() }),
            302,
            `replying ${p.label}`,
          );
          posts.set(p.label, { id: 0, number: Number(/#post-(\d+)$/.exec(replied.headers.get("location")!)![1]) });
        }
        posts.set(opening.label, { id: 0, number: 1 });
      }
      const rows = await db
        .selectFrom("posts")
        .select(["id", "thread_id", "number"])
        .where(
          "thread_id",
          "in",
          THREADS.filter((x) => x.circle === circle).map((x) => threads.get(x.label)!.id),
        )
        .execute();
      for (const p of mine) {
        const at = posts.get(p.label)!;
        at.id = rows.find((r) => r.thread_id === threads.get(p.label.replace(/\/post-.*$/, ""))!.id && r.number === at.number)!.id;
      }
      // Edits first (the history keeps the earlier text), then reactions and reports, then the states.
      for (const p of mine.filter((x) => x.edited)) {
        const body = p.post === "opening" ? openingBody(p, nowWord(p)) : replyBody(p, nowWord(p));
        await expectStatus(author.post(`/posts/${posts.get(p.label)!.id}/edit`, { intent: "save", version: "1", body }), 302, `editing ${p.label}`);
      }
      for (const p of mine) {
        const path = threads.get(p.label.replace(/\/post-.*$/, ""))!.path;
        const postId = String(posts.get(p.label)!.id);
        await expectStatus(reactor!.post(path, { intent: "react", postId, kind: "heart" }), 302, `reacting to ${p.label}`);
        await expectStatus(reactor!.post(path, { intent: "report", postId, reason: "spam", text: "" }), 302, `reporting ${p.label}`);
      }
      for (const p of mine.filter((x) => x.hiddenPost)) {
        const path = threads.get(p.label.replace(/\/post-.*$/, ""))!.path;
        await expectStatus(host!.post(path, { intent: "hide", postId: String(posts.get(p.label)!.id), reason: "Matrix: verborgen" }), 302, `hiding ${p.label}`);
      }
      for (const p of mine.filter((x) => x.deletedPost)) {
        const path = threads.get(p.label.replace(/\/post-.*$/, ""))!.path;
        await expectStatus(author.post(path, { intent: "delete", postId: String(posts.get(p.label)!.id) }), 302, `deleting ${p.label}`);
      }
      const locked = THREADS.find((x) => x.circle === circle && x.thread === "locked")!;
      await expectStatus(host!.post(threads.get(locked.label)!.path, { intent: "lock" }), 302, `locking ${locked.label}`);

      // A meetup with an online link; the circle member is going.
      const words = meetupWords(circle);
      const created = await expectStatus(
        host!.post(`/e/new?group=${circle.slug}`, {
          title: `Matrix ${words.title}`,
          description: `${words.description} ${searchToken(circle)}`,
          starts: wall(20, "19:30"),
          ends: wall(20, "21:30"),
          timeZone: "Europe/Amsterdam",
          placeName: "",
          placeAddress: "",
          mapUrl: "",
          onlineUrl: `https://meet.example.nl/${words.link}`,
          capacity: "",
          rsvpDeadline: "",
        }),
        302,
        `planning the meetup of ${circle.kind}`,
      );
      const eventId = Number(/\/e\/(\d+)$/.exec(created.headers.get("location")!)![1]);
      events.set(circle.kind, eventId);
      await expectStatus(member!.post(`/e/${eventId}`, { intent: "rsvp", status: "going", note: "" }), 302, `RSVP in ${circle.kind}`);
    }),
  );

  // Last: the ban (through the hosts' form) and the suspension (through the admin's form).
  for (const circle of CIRCLES) {
    await expectStatus(host!.post(`/g/${circle.slug}/members`, { intent: "ban", id: memberIds.get(USERS.banned)!, reason: "Matrix" }), 200, `banning in ${circle.kind}`);
  }
  await expectStatus(admin.post(`/u/${USERS.suspended}`, { intent: "suspend", days: "7", reason: "Matrix" }), 302, "suspending");
  world = { threads, posts, events, memberIds, clients };
}, 180_000);

// ——— the cells ———

interface Cell {
  name: string;
  /** Whose client: with "author", the circle says which author. */
  circle: Circle;
  /** Reads first; the react probes (which may write when they leak) after all reads of the viewer. */
  phase: "read" | "react";
  requests: () => Req[];
  check: (seen: Seen) => string[];
}

const FEED_FORMATS = ["xml", "atom"] as const;

function cellsFor(v: Viewer): Cell[] {
  const cells: Cell[] = [];
  const add = (name: string, circle: Circle, requests: () => Req[], check: (seen: Seen) => string[], phase: Cell["phase"] = "read") =>
    cells.push({ name, circle, phase, requests, check });
  /** One cell: `<content> × <viewer> × <surface>`. */
  const push = (item: string, surface: string, circle: Circle, requests: () => Req[], check: (seen: Seen) => string[], phase: Cell["phase"] = "read") =>
    add(`${item} × ${v} × ${surface}`, circle, requests, check, phase);

  for (const p of POSTS) {
    const c = p.circle;
    const page = () => get(threadOf(p).path);
    const quote = () => get(`${threadOf(p).path}?quote=${postOf(p).id}&${THREAD_DATA}`);

    push(p.label, "/t/:id/:slug", c, () => [page(), MISSING.thread], (seen) => {
      if (!readsThread(v, p)) return [...sameAsMissing(seen, page(), MISSING.thread), ...absent(bodyOf(seen, page()), forbiddenWords(v, p), "the 404")];
      const body = bodyOf(seen, page());
      return [
        ...status(seen(page()), 200, "the thread page"),
        ...present(body, [titleWord(p), ...(readsPost(v, p) ? [nowWord(p)] : [])], "the thread page"),
        ...absent(body, forbiddenWords(v, p), "the thread page (HTML and route data)"),
      ];
    });

    push(p.label, "/t/:id/:slug?quote=N", c, () => [quote(), MISSING.quote], (seen) => {
      if (!readsThread(v, p)) return sameAsMissing(seen, quote(), MISSING.quote);
      const data = threadData(seen(quote()));
      if (!data) return [`the thread's route data is no JSON (${seen(quote()).status})`];
      const quoted = data.quote ?? "";
      return quotable(v, p)
        ? present(quoted, [nowWord(p)], "the quote")
        : absent(quoted, [nowWord(p), oldWord(p)], "the quote");
    });

    if (!quotable(v, p) && threadLabel(p) !== QUOTE_CARRIER.label) {
      const carried = () => get(`${threadOf(QUOTE_CARRIER).path}?quote=${postOf(p).id}&${THREAD_DATA}`);
      push(p.label, "/t/:other-thread/:slug?quote=N", c, () => [carried()], (seen) => {
        const data = threadData(seen(carried()));
        if (!data) return [`the public thread's route data is no JSON (${seen(carried()).status})`];
        return absent(data.quote ?? "", [nowWord(p), oldWord(p)], "the quote in another thread");
      });
    }

    push(p.label, "reactions on /t/:id/:slug (route data)", c, () => [quote()], (seen) => {
      if (!readsThread(v, p)) return status(seen(quote()), 404, "the thread's route data");
      const data = threadData(seen(quote()));
      if (!data) return [`the thread's route data is no JSON (${seen(quote()).status})`];
      const shown = data.posts.find((x) => x.id === postOf(p).id)?.reactions ?? [];
      if (!readsPost(v, p)) return shown.length === 0 ? [] : [`the route data carries ${shown.length} reaction(s) of a post this viewer may not read: ${JSON.stringify(shown)}`];
      return p.hiddenPost || shown.length > 0 ? [] : ["the route data lacks the post's reactions"];
    });

    if (!readsPost(v, p)) {
      const react = (): Req => ({ method: "POST", path: threadOf(p).path, form: { intent: "react", postId: String(postOf(p).id), kind: "thanks" } });
      push(
        p.label,
        "POST /t/:id/:slug intent=react",
        c,
        () => [react(), MISSING.react],
        (seen) => [...status(seen(react()), 404, "toggling a reaction"), ...(readsThread(v, p) ? [] : sameAsMissing(seen, react(), MISSING.react))],
        "react",
      );
    }

    // The old leak (hidden and deleted posts' text in their history) is caught by e.g.
    // `public/thread-normal/post-hidden × circle-member × /posts/:id/history`.
    const history = () => get(`/posts/${postOf(p).id}/history`);
    push(p.label, "/posts/:id/history", c, () => [history(), MISSING.history], (seen) => {
      if (!readsPost(v, p)) return [...sameAsMissing(seen, history(), MISSING.history), ...absent(bodyOf(seen, history()), [nowWord(p), oldWord(p)], "the history")];
      return [...status(seen(history()), 200, "the history"), ...(p.edited ? present(bodyOf(seen, history()), [oldWord(p), nowWord(p)], "the history") : [])];
    });

    // The Quote button's JSON (with JavaScript): the text of a post one may read, never of a hidden one nor from a hidden thread.
    const quoteResource = () => get(`/posts/${postOf(p).id}/quote`);
    push(p.label, "/posts/:id/quote", c, () => [quoteResource(), MISSING.quoteResource], (seen) => {
      if (!readsPost(v, p) || p.hiddenPost || p.thread === "hidden") {
        return [...sameAsMissing(seen, quoteResource(), MISSING.quoteResource), ...absent(bodyOf(seen, quoteResource()), [nowWord(p), oldWord(p)], "the quote")];
      }
      return [...status(seen(quoteResource()), 200, "the quote"), ...present(bodyOf(seen, quoteResource()), [nowWord(p)], "the quote"), ...absent(bodyOf(seen, quoteResource()), [oldWord(p)], "the quote")];
    });

    const edit = () => get(`/posts/${postOf(p).id}/edit`);
    push(p.label, "/posts/:id/edit", c, () => [edit(), MISSING.edit], (seen) => {
      if (!readsThread(v, p)) return [...sameAsMissing(seen, edit(), MISSING.edit), ...absent(bodyOf(seen, edit()), [nowWord(p), oldWord(p)], "the edit page")];
      if (!readsPost(v, p)) return [...status(seen(edit()), not200, "the edit page"), ...absent(bodyOf(seen, edit()), [nowWord(p), oldWord(p)], "the edit page")];
      if (v === "author") return [...status(seen(edit()), 200, "the edit page"), ...present(bodyOf(seen, edit()), [nowWord(p)], "the edit page")];
      return status(seen(edit()), not200, "the edit page");
    });

    const profile = () => get(`/u/${authorOf(c)}`);
    push(p.label, "/u/:username (recent posts)", c, () => [profile()], (seen) => {
      const body = bodyOf(seen, profile());
      const link = `/t/${threadOf(p).id}/${threadOf(p).slug}#post-${postOf(p).number}"`;
      const words = forbiddenWords(v, p);
      if (!readsPost(v, p)) return [...absent(body, words, "the profile"), ...absent(body, [link], "the profile (a link to the post)")];
      return [...absent(body, words, "the profile"), ...(!p.hiddenPost && listedState(p) ? present(body, [link], "the profile (a link to the post)") : [])];
    });

    const search = () => get(`/search?q=${searchToken(c)}`);
    push(p.label, "/search?q=", c, () => [search()], (seen) => {
      const body = bodyOf(seen, search());
      const expected = readsPost(v, p) && !p.hiddenPost && listedState(p) ? [nowWord(p), titleWord(p)] : [];
      return [...absent(body, forbiddenWords(v, p), "the search results"), ...present(body, expected, "the search results")];
    });

    const reviewRequests = (): Req[] =>
      v === "circle-host"
        ? [get(`/g/${c.slug}/review`)]
        : v === "site-admin"
          ? [get("/admin/review")]
          : v === "host-of-other-circle"
            ? [get(`/g/${c.slug}/review`), get(`/g/${OTHER_CIRCLE.slug}/review`), MISSING.review]
            : [get(`/g/${c.slug}/review`), MISSING.review];
    push(p.label, "review queue", c, reviewRequests, (seen) => {
      const [queue, ...rest] = reviewRequests();
      const body = bodyOf(seen, queue!);
      if (hosts(v)) {
        // Every post was reported before its state was set; a deleted post's text is shown to nobody.
        return [
          ...status(seen(queue!), 200, "the review queue"),
          ...(p.deletedPost ? absent(body, [nowWord(p), oldWord(p)], "the review queue") : present(body, [nowWord(p)], "the review queue")),
        ];
      }
      const problems = seesCircle(v, c) ? status(seen(queue!), not200, "the circle's review queue") : sameAsMissing(seen, queue!, MISSING.review);
      problems.push(...absent(body, [nowWord(p), oldWord(p)], "the circle's review queue"));
      if (v === "host-of-other-circle") {
        const own = rest[0]!;
        problems.push(...status(seen(own), 200, "the own circle's review queue"), ...absent(bodyOf(seen, own), [nowWord(p), oldWord(p), titleWord(p)], "the own circle's review queue"));
      }
      return problems;
    });
  }

  for (const t of THREADS) {
    const c = t.circle;
    const page = () => get(threadOf(t).path);
    push(t.label, "page metadata and JSON-LD", c, () => [page()], (seen) => {
      const meta = metadataOf(bodyOf(seen, page()));
      const problems = absent(meta, forbiddenThreadWords(v, t), "the metadata");
      if (v === "visitor" && publicThread(t)) {
        const opening = POSTS.find((p) => p.label === `${t.label}/post-opening`)!;
        problems.push(...present(meta, [nowWord(opening), titleWord(t)], "the metadata"));
      }
      return problems;
    });

    // The title and tags form: the thread's author and its circle's hosts, never on a deleted thread.
    const titleEdit = () => get(`/t/${threadOf(t).id}/edit`);
    push(t.label, "/t/:id/edit", c, () => [titleEdit(), MISSING.titleEdit], (seen) => {
      if (!readsThread(v, t)) return [...sameAsMissing(seen, titleEdit(), MISSING.titleEdit), ...absent(bodyOf(seen, titleEdit()), [titleWord(t)], "the title form")];
      if ((v === "author" || hosts(v)) && t.thread !== "deleted") {
        return [...status(seen(titleEdit()), 200, "the title form"), ...present(bodyOf(seen, titleEdit()), [titleWord(t)], "the title form")];
      }
      return [...status(seen(titleEdit()), not200, "the title form"), ...absent(bodyOf(seen, titleEdit()), [titleWord(t)], "the title form")];
    });

    const circlePage = () => get(`/g/${c.slug}`);
    push(t.label, "/g/:slug (thread list)", c, () => [circlePage(), MISSING.circle], (seen) => {
      if (!seesCircle(v, c)) return [...sameAsMissing(seen, circlePage(), MISSING.circle), ...absent(bodyOf(seen, circlePage()), forbiddenThreadWords(v, t), "the 404")];
      const body = bodyOf(seen, circlePage());
      return [...absent(body, forbiddenThreadWords(v, t), "the circle page"), ...(readsThread(v, t) && listedState(t) ? present(body, [titleWord(t)], "the circle page") : [])];
    });

    for (const [surface, path] of [
      ["/ (home)", "/"],
      [`/p/:slug`, `/p/${PRINCIPLE}`],
    ] as const) {
      push(t.label, surface, c, () => [get(path)], (seen) => {
        const body = bodyOf(seen, get(path));
        return [...absent(body, forbiddenThreadWords(v, t), surface), ...(publicThread(t) && listedState(t) ? present(body, [titleWord(t)], surface) : [])];
      });
    }

    push(t.label, "/notifications", c, () => [get("/notifications")], (seen) => absent(bodyOf(seen, get("/notifications")), forbiddenThreadWords(v, t), "the notifications"));

    const log = () => get(`/g/${c.slug}/moderation`);
    push(t.label, "/g/:slug/moderation (public log)", c, () => [log(), MISSING.moderation], (seen) => {
      if (!seesCircle(v, c)) return sameAsMissing(seen, log(), MISSING.moderation);
      return [...status(seen(log()), 200, "the moderation log"), ...absent(bodyOf(seen, log()), forbiddenThreadWords(v, t), "the moderation log")];
    });

    if (v === "visitor") {
      for (const format of FEED_FORMATS) {
        const feed = () => get(`/t/${threadOf(t).id}/feed.${format}`);
        push(t.label, `/t/:id/feed.${format}`, c, () => [feed(), MISSING.threadFeed(format)], (seen) => {
          if (!publicThread(t)) return sameAsMissing(seen, feed(), MISSING.threadFeed(format));
          const body = seen(feed()).body;
          const posts = POSTS.filter((p) => p.label.startsWith(`${t.label}/`));
          return [
            ...status(seen(feed()), 200, "the thread feed"),
            ...present(body, posts.filter(publicPost).map(nowWord), "the thread feed"),
            ...absent(body, posts.flatMap((p) => forbiddenWords("visitor", p)), "the thread feed"),
          ];
        });
      }
      const sitemapThreads = get("/sitemaps/threads-1.xml");
      push(t.label, "sitemaps", c, () => [get("/sitemap.xml"), sitemapThreads], (seen) => {
        const index = seen(get("/sitemap.xml")).body;
        const loc = `/t/${threadOf(t).id}/${threadOf(t).slug}</loc>`;
        const body = seen(sitemapThreads).body;
        return [
          ...present(index, ["/sitemaps/threads-1.xml"], "the sitemap index"),
          ...(publicThread(t) ? present(body, [loc], "the threads sitemap") : absent(body, [loc, titleWord(t)], "the threads sitemap")),
        ];
      });
    }
  }

  if (v === "visitor") {
    for (const p of POSTS) {
      const c = p.circle;
      const expected = publicPost(p) && p.post === "opening" && listedState(p) ? [nowWord(p), titleWord(p)] : [];
      for (const format of FEED_FORMATS) {
        for (const [surface, path] of [
          [`/feed.${format}`, `/feed.${format}`],
          [`/p/:slug/feed.${format}`, `/p/${PRINCIPLE}/feed.${format}`],
        ] as const) {
          push(p.label, surface, c, () => [get(path)], (seen) => [
            ...status(seen(get(path)), 200, surface),
            ...absent(seen(get(path)).body, forbiddenWords("visitor", p), surface),
            ...present(seen(get(path)).body, expected, surface),
          ]);
        }
        const circleFeed = () => get(`/g/${c.slug}/feed.${format}`);
        push(p.label, `/g/:slug/feed.${format}`, c, () => [circleFeed(), MISSING.circleFeed(format)], (seen) => {
          if (!seesCircle("visitor", c)) return sameAsMissing(seen, circleFeed(), MISSING.circleFeed(format));
          const body = seen(circleFeed()).body;
          return [...absent(body, forbiddenWords("visitor", p), "the circle feed"), ...present(body, expected, "the circle feed")];
        });
      }
    }
  }

  for (const c of CIRCLES) {
    const words = meetupWords(c);
    const event = () => get(`/e/${world.events.get(c.kind)!}`);
    const ics = () => get(`/e/${world.events.get(c.kind)!}/calendar.ics`);
    const meetup = `${c.kind}/meetup`;
    push(meetup, "/e/:id", c, () => [event(), MISSING.event], (seen) =>
      seesCircle(v, c)
        ? [...status(seen(event()), 200, "the meetup page"), ...present(bodyOf(seen, event()), [words.title, words.description], "the meetup page")]
        : [...sameAsMissing(seen, event(), MISSING.event), ...absent(bodyOf(seen, event()), Object.values(words), "the 404")],
    );
    push(meetup, "/e/:id/calendar.ics", c, () => [ics(), MISSING.eventIcs], (seen) =>
      seesCircle(v, c)
        ? [...status(seen(ics()), 200, "the meetup's .ics"), ...present(unfold(seen(ics()).body), [words.title], "the meetup's .ics")]
        : sameAsMissing(seen, ics(), MISSING.eventIcs),
    );
    push(meetup, "online link on /e/:id", c, () => [event()], (seen) =>
      getsOnlineLink(v, c) ? present(bodyOf(seen, event()), [words.link], "the meetup page") : absent(bodyOf(seen, event()), [words.link], "the meetup page"),
    );
    push(meetup, "online link in /e/:id/calendar.ics", c, () => [ics()], (seen) =>
      getsOnlineLink(v, c) ? present(unfold(seen(ics()).body), [words.link], "the meetup's .ics") : absent(unfold(seen(ics()).body), [words.link], "the meetup's .ics"),
    );
    push(meetup, "/e (list)", c, () => [get("/e")], (seen) => {
      const body = bodyOf(seen, get("/e"));
      return [...absent(body, [words.link, ...(seesCircle(v, c) ? [] : [words.title])], "the meetup list"), ...(seesCircle(v, c) ? present(body, [words.title], "the meetup list") : [])];
    });
    const calendar = () => get(`/g/${c.slug}/calendar.ics`);
    push(meetup, "/g/:slug/calendar.ics", c, () => [calendar(), MISSING.circleCalendar], (seen) =>
      // A circle's calendar is a public feed: public circles only, never with the online link.
      c.visibility === "public"
        ? [...status(seen(calendar()), 200, "the circle calendar"), ...present(unfold(seen(calendar()).body), [words.title], "the circle calendar"), ...absent(unfold(seen(calendar()).body), [words.link], "the circle calendar")]
        : sameAsMissing(seen, calendar(), MISSING.circleCalendar),
    );
    const search = () => get(`/search?q=${searchToken(c)}`);
    push(meetup, "/search?q= (meetups)", c, () => [search()], (seen) => {
      const body = bodyOf(seen, search());
      return seesCircle(v, c) ? [...present(body, [words.title], "the search results"), ...absent(body, [words.link], "the search results")] : absent(body, Object.values(words), "the search results");
    });
    if (v === "visitor") {
      const pages = get("/sitemaps/pages.xml");
      push(meetup, "sitemaps", c, () => [pages], (seen) => {
        const body = seen(pages).body;
        const locs = [`/e/${world.events.get(c.kind)!}</loc>`, `/g/${c.slug}</loc>`];
        return c.visibility === "public" ? present(body, locs, "the pages sitemap") : absent(body, locs, "the pages sitemap");
      });
    }

    const exportJson = () => get("/settings/export.json");
    // The export carries the member's own words whatever became of them (it is their data), others' only while readable.
    push(c.kind, "/settings/export.json", c, () => [exportJson()], (seen) => {
      const body = bodyOf(seen, exportJson());
      return absent(
        body,
        POSTS.filter((p) => p.circle === c).flatMap((p) => (v === "author" ? (p.edited ? [oldWord(p)] : []) : forbiddenWords(v, p))),
        "the data export",
      );
    });
  }

  const mentions = get(`/mentions?q=mx`);
  add(`${v} × /mentions?q=`, CIRCLES[0], () => [mentions], (seen) => {
    const obs = seen(mentions);
    const signedIn = v !== "visitor" && v !== "suspended-member";
    if (!signedIn) return status(obs, 401, "the mention suggestions");
    const problems = status(obs, 200, "the mention suggestions");
    const data = JSON.parse(obs.body) as { members: Array<Record<string, unknown>> };
    for (const m of data.members) {
      if (Object.keys(m).sort().join() !== "name,username") problems.push(`a suggestion exposes ${Object.keys(m).join(", ")}`);
    }
    problems.push(...absent(obs.body, POSTS.flatMap((p) => [nowWord(p), oldWord(p), titleWord(p)]), "the mention suggestions"));
    return problems;
  });
  return cells;
}

/**
 * Cells that cannot pass yet, each a leak to fix, with why (none today). They run
 * as `it.fails`: when a fix makes one pass, the suite goes red until it is removed here.
 */
const KNOWN_LEAKS = new Set<string>([]);

// ——— the tests ———

const ALL_CELLS = VIEWERS.flatMap((v) => cellsFor(v).map((c) => c.name));

it("names each cell once, and KNOWN_LEAKS only names cells of this matrix", () => {
  expect(ALL_CELLS.length).toBe(new Set(ALL_CELLS).size);
  expect([...KNOWN_LEAKS].filter((name) => !ALL_CELLS.includes(name))).toEqual([]);
  // The cells of the old history leak are here, and must pass.
  const history = VIEWERS.filter((v) => !hosts(v) && v !== "author").flatMap((v) =>
    CIRCLES.flatMap((c) => [`${c.kind}/thread-normal/post-hidden × ${v} × /posts/:id/history`, `${c.kind}/thread-normal/post-deleted × ${v} × /posts/:id/history`]),
  );
  history.push(...CIRCLES.map((c) => `${c.kind}/thread-normal/post-deleted × circle-host × /posts/:id/history`));
  expect(history.filter((name) => !ALL_CELLS.includes(name) || KNOWN_LEAKS.has(name))).toEqual([]);
});

/** Uncompressed answers: the same bytes, without gzip work on both ends of the test. */
const PLAIN = { "accept-encoding": "identity" };

for (const v of VIEWERS) {
  describe(v, () => {
    const cells = cellsFor(v);
    const observed = new Map<string, Obs>();
    const keyOf = (cell: Cell, req: Req) => `${clientKey(v, cell.circle)}|${req.method} ${req.path} ${JSON.stringify(req.form ?? {})}`;

    beforeAll(async () => {
      for (const phase of ["read", "react"] as const) {
        const todo = new Map<string, { client: Client; req: Req }>();
        for (const cell of cells.filter((c) => c.phase === phase)) {
          for (const req of cell.requests()) todo.set(keyOf(cell, req), { client: world.clients.get(clientKey(v, cell.circle))!, req });
        }
        const jobs = [...todo].filter(([key]) => !observed.has(key));
        // Reads side by side in modest batches; react probes one by one (a leaking one writes).
        const batch = phase === "read" ? 8 : 1;
        for (let i = 0; i < jobs.length; i += batch) {
          await Promise.all(
            jobs.slice(i, i + batch).map(async ([key, { client, req }]) => {
              const r = req.method === "GET" ? await client.get(req.path, PLAIN) : await client.post(req.path, req.form ?? {}, PLAIN);
              observed.set(key, { status: r.status, body: await r.text(), location: r.headers.get("location") ?? "" });
            }),
          );
        }
      }
      // A react probe that leaked gave a reaction: take those back, so later viewers see the content as it was.
      const ids = [...world.memberIds.values()];
      await forum.handle.db.deleteFrom("post_reactions").where("kind", "=", "thanks").where("member_id", "in", ids).execute();
    }, 120_000);

    for (const cell of cells) {
      (KNOWN_LEAKS.has(cell.name) ? it.fails : it)(cell.name, () => {
        const seen: Seen = (req) => {
          const obs = observed.get(keyOf(cell, req));
          if (!obs) throw new Error(`${cell.name}: no response recorded for ${req.method} ${req.path}`);
          return obs;
        };
        expect(cell.check(seen), cell.name).toEqual([]);
      });
    }
  });
}
