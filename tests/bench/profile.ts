/**
 * `npm run bench:profile -- <path> [more paths]`: where one signed-in page's
 * time goes. Runs the production build in this process against the benchmark
 * database (seeded by `npm run bench`), requests each path as the benchmark's
 * member, and prints every query with its time, the query count and the
 * total, once warm.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase } from "../../db/index";
import { createHttpApp } from "../../app/http/app.server";
import { SiteAddress } from "../../app/http/site.server";
import { loadConfig } from "../../app/lib/env.server";
import { startJobQueue } from "../../app/lib/jobs.server";
import { BENCH_PASSWORD } from "./seed-large";

const root = path.resolve(import.meta.dirname, "../..");
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/gwn_bench";
const username = process.env.BENCH_MEMBER ?? "lid143";

async function main() {
  let queries: Array<{ sql: string; ms: number }> = [];
  const handle = await openDatabase({ url: databaseUrl, poolSize: 4, onQuery: (sql, ms) => queries.push({ sql, ms }) });
  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  const config = loadConfig({ ...process.env, NODE_ENV: "production", LOG_REQUESTS: "false", DATABASE_URL: databaseUrl, PAGE_CACHE_SECONDS: "0" });
  const jobs = await startJobQueue(handle, { config, work: false });
  const site = new SiteAddress(config);
  const app = createHttpApp({ build, db: handle.db, embeddedDatabase: false, jobs, config, site, publicDir: path.join(root, "public") });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  site.listening((server.address() as AddressInfo).port);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signIn = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ identifier: username, password: BENCH_PASSWORD, redirectTo: "/" }),
  });
  // PROFILE_AS=visitor asks without the session (the page cache is off here).
  const cookie = process.env.PROFILE_AS === "visitor" ? "" : signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  for (const page of process.argv.slice(2)) {
    for (let i = 0; i < 20; i++) await (await fetch(base + page, { headers: { cookie } })).text();
    queries = [];
    const started = performance.now();
    const response = await fetch(base + page, { headers: { cookie } });
    const html = await response.text();
    const total = performance.now() - started;
    console.log(`\n${page}: ${response.status}, ${html.length} bytes, ${total.toFixed(1)} ms, ${queries.length} queries`);
    for (const q of queries) console.log(`  ${q.ms.toFixed(2).padStart(6)} ms  ${q.sql.replace(/\s+/g, " ").slice(0, 150)}`);
    const rounds = Number(process.env.PROFILE_ROUNDS ?? "50");
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) await (await fetch(base + page, { headers: { cookie } })).text();
    console.log(`  mean of ${rounds} in a row: ${((performance.now() - t0) / rounds).toFixed(1)} ms`);
  }
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  const memory = process.memoryUsage();
  console.log(`\nmemory: rss ${mb(memory.rss)}, heap ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, external ${mb(memory.external)}, array buffers ${mb(memory.arrayBuffers)}`);
  server.close();
  await jobs.stop();
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
