/**
 * `npm run bench`: seeds a large network on PostgreSQL (once), starts the
 * production build with one web process per core, and measures requests/s
 * and latency percentiles at concurrency 1 and 16 for the main pages, as a
 * visitor (page cache on), as a signed-in member (never cached) loading the
 * page, and as that member moving to it with JavaScript (only the page's
 * route data, as Remix asks for it), plus the server's peak memory. Figures go in tests/bench/README.md.
 *
 *   BENCH_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/gwn_bench
 *   BENCH_SECONDS       measuring time per case (default 8)
 *   BENCH_FRESH=true    drop and re-seed the benchmark database
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { sql } from "kysely";
import { openDatabase } from "../../db/index";
import { migrateToLatest } from "../../db/migrate";
import { BENCH_PASSWORD, LONG_THREAD_POSTS, seedLargeNetwork } from "./seed-large";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/gwn_bench";
const seconds = Number(process.env.BENCH_SECONDS ?? "8");
const processes = os.availableParallelism();

async function ensureDatabase() {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: "/postgres" }).toString() });
  await admin.connect();
  if (process.env.BENCH_FRESH === "true") await admin.query(`drop database if exists "${name}" with (force)`);
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`create database "${name}"`);
  await admin.end();

  const handle = await openDatabase({ url: databaseUrl, poolSize: 2, dataDir: "" });
  await migrateToLatest(handle.db);
  const seeded = await handle.db.selectFrom("members").select("id").where("username", "=", "lid1").executeTakeFirst();
  if (!seeded) {
    console.log("Seeding the benchmark network (once):");
    await seedLargeNetwork(handle.db, console.log);
  }
  // Fresh statistics (a migration may just have added columns), as autovacuum would have them.
  await sql`analyze`.execute(handle.db);
  const counts = await sql<{ groups: string; threads: string; posts: string }>`
    select (select count(*) from groups) groups, (select count(*) from threads) threads, (select count(*) from posts) posts`.execute(handle.db);
  const long = await handle.db
    .selectFrom("threads")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select(["threads.id", "threads.slug", "threads.post_count", "threads.group_id", "groups.slug as group_slug"])
    .where("threads.post_count", "=", LONG_THREAD_POSTS)
    .executeTakeFirstOrThrow();
  // A short thread in the same (public) circle, and a plain member of it: like for like.
  const typical = await handle.db
    .selectFrom("threads")
    .select(["id", "slug"])
    .where("post_count", "=", 25)
    .where("group_id", "=", long.group_id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const member = await handle.db
    .selectFrom("group_members")
    .innerJoin("members", "members.id", "group_members.member_id")
    .select("members.username")
    .where("group_members.group_id", "=", long.group_id)
    .where("group_members.role", "=", "member")
    .orderBy("members.username")
    .executeTakeFirstOrThrow();
  await handle.close();
  return { counts: counts.rows[0]!, typical, long, member: member.username };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Memory of a process and its children, from /proc: resident (RSS, which
 * counts the pages the processes share, such as Node's own code, once per
 * process) and proportional (PSS, which splits each shared page among its
 * sharers: what the server as a whole takes from the machine).
 */
function treeMemory(pid: number): { total: number; proportional: number; largest: number } {
  let total = 0;
  let proportional = 0;
  let largest = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? "0");
      proportional += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${id}/smaps_rollup`, "utf8"))?.[1] ?? "0") * 1024;
      total += kb * 1024;
      largest = Math.max(largest, kb * 1024);
      for (const child of readFileSync(`/proc/${id}/task/${id}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // The process ended between two readings.
    }
  };
  visit(pid);
  return { total, proportional, largest };
}

interface Result {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `concurrency` keep-alive connections asking for `url` back to back for `durationMs`. */
async function load(url: string, concurrency: number, durationMs: number, cookie?: string): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint();
      const req = http.get(url, { agent, headers: { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) } }, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => {
          if (res.statusCode === 200) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          else errors++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const until = Date.now() + durationMs;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) await once();
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

async function main() {
  const { counts, typical, long, member } = await ensureDatabase();
  console.log(`Data: ${counts.groups} groups, ${counts.threads} threads, ${counts.posts} posts; thread ${long.id} has ${long.post_count} posts.`);

  const port = await freePort();
  const server = spawn(process.execPath, [path.join(root, "build/server.js")], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_CONCURRENCY: String(processes),
      LOG_REQUESTS: "false",
      NODE_ENV: "production",
      SEED_DEMO: "false",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Good Work Network forum on")) resolve();
    });
    server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  let peak = { total: 0, proportional: 0, largest: 0 };
  let casePeak = 0;
  const sampler = setInterval(() => {
    const now = treeMemory(server.pid!);
    peak = {
      total: Math.max(peak.total, now.total),
      proportional: Math.max(peak.proportional, now.proportional),
      largest: Math.max(peak.largest, now.largest),
    };
    casePeak = Math.max(casePeak, now.total);
  }, 100);

  const base = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ identifier: member, password: BENCH_PASSWORD, redirectTo: "/" }),
  });
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (signIn.status !== 302 || !cookie) throw new Error(`signing in failed: ${signIn.status}`);

  const lastPage = Math.ceil(long.post_count / 25);
  // Each page with its Remix route: a member with JavaScript moving between pages asks only for that route's data.
  const pages: Array<[string, string, string]> = [
    ["home", "/", "routes/_index"],
    ["group page", `/g/${long.group_slug}`, "routes/g.$slug"],
    ["thread, first page (25 posts)", `/t/${typical.id}/${typical.slug}`, "routes/t.$id.($slug)"],
    [`long thread, last page (${lastPage})`, `/t/${long.id}/${long.slug}?page=${lastPage}`, "routes/t.$id.($slug)"],
    ["principle page", "/p/goed-werk", "routes/p.$slug"],
    ["search: one word", "/search?q=vertrouwen", "routes/search"],
    ["search: phrase and filter", "/search?q=%22goed+werk%22&type=posts&sort=newest", "routes/search"],
  ];
  // BENCH_PAGES=search (a regular expression) measures only matching pages.
  const only = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;
  const rows: string[] = [];
  for (const audience of ["visitor", "member", "member, navigating"] as const) {
    for (const [name, page, routeId] of pages.filter(([name]) => !only || only.test(name))) {
      const url = audience === "member, navigating" ? `${page}${page.includes("?") ? "&" : "?"}_data=${encodeURIComponent(routeId)}` : page;
      for (const concurrency of [1, 16]) {
        const auth = audience === "visitor" ? undefined : cookie;
        await load(base + url, concurrency, 1000, auth); // warm-up
        casePeak = 0;
        const r = await load(base + url, concurrency, seconds * 1000, auth);
        const row = `| ${name} | ${audience} | ${concurrency} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${(casePeak / 2 ** 20).toFixed(0)} |`;
        rows.push(row);
        console.log(row);
      }
    }
  }
  clearInterval(sampler);
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`
Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${processes} web processes; ${seconds} s per case.
Data: ${counts.groups} groups, ${counts.threads} threads, ${counts.posts} posts (one thread with ${long.post_count}).

| page | as | concurrency | requests/s | p50 ms | p95 ms | p99 ms | errors | server RSS MB |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}

Signed in as ${member}, a plain member of ${long.group_slug}.
Server peak memory: ${(peak.total / 2 ** 20).toFixed(0)} MB resident in all (largest process ${(peak.largest / 2 ** 20).toFixed(0)} MB); ${(peak.proportional / 2 ** 20).toFixed(0)} MB proportional (PSS: shared pages counted once).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
