import { readFileSync } from "node:fs";
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runServerExpectingExit, startServerProcess, type ServerProcess } from "../helpers/server-process";

describe("the production server process", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    if (server.child.exitCode === null) await server.stop();
  });

  it("seeds a brand-new embedded database with the demo network and prints the sign-ins", () => {
    expect(server.output()).toContain('Demo sign-ins (password "goedwerk-demo")');
    expect(server.output()).toMatch(/anna\s+anna@/);
  });

  it("serves the Dutch home page and logs one line per request", async () => {
    const response = await fetch(`${server.url}/?utm=1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Welkom bij het Goed Werk Netwerk");
    await fetch(`${server.url}/nope`);
    await vi.waitFor(() => {
      expect(server.output()).toMatch(/^GET \/ 200 \d+\.\dms$/m);
      expect(server.output()).toMatch(/^GET \/nope 404 \d+\.\dms$/m);
    });
  });

  it("finishes an open request, then stops cleanly on SIGTERM", async () => {
    // A form post whose body is still arriving when SIGTERM comes.
    const body = "locale=en&redirectTo=%2Fp%2Fgoed-werk";
    const request = http.request(`${server.url}/language`, {
      method: "POST",
      headers: {
        origin: server.url,
        "content-type": "application/x-www-form-urlencoded",
        "content-length": Buffer.byteLength(body),
      },
    });
    const response = new Promise<http.IncomingMessage>((resolve, reject) => {
      request.on("response", resolve);
      request.on("error", reject);
    });
    request.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = server.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.child.exitCode).toBeNull();
    request.end(body.slice(10));
    const answer = await response;
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe("/p/goed-werk");
    answer.resume();
    expect(await exited).toBe(0);
    expect(server.output()).toContain("Stopped cleanly");
  });
});

describe("bad configuration", () => {
  it.each([
    [{ PORT: "not-a-port" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/forum" }, "DATABASE_URL"],
    [{ DATABASE_POOL_SIZE: "-3" }, "DATABASE_POOL_SIZE"],
  ])("%j stops the process at start with a message naming %s", async (env, name) => {
    const { code, output } = await runServerExpectingExit(env);
    expect(code).toBe(1);
    expect(output).toContain("Invalid configuration");
    expect(output).toContain(`${name}:`);
  });
});

/** Resident memory of a process, in MB, from /proc. */
const residentMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
const childrenOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);

// Several web processes share one PostgreSQL database; the embedded database lives in one process.
describe.runIf(process.env.TEST_DATABASE_URL)("several web processes (WEB_CONCURRENCY)", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ WEB_CONCURRENCY: "2", PAGE_CACHE_SECONDS: "60", LOG_REQUESTS: "false" });
  });
  afterAll(async () => {
    if (server.child.exitCode === null) await server.stop();
  });

  it("prepares the database once, then serves from two processes while the primary stays small", async () => {
    expect(server.output()).toContain("2 processes");
    expect(server.output().match(/Demo sign-ins/g)).toHaveLength(1);
    const response = await fetch(`${server.url}/`);
    expect(await response.text()).toContain("Welkom bij het Goed Werk Netwerk");
    const workers = childrenOf(server.child.pid!);
    expect(workers).toHaveLength(2);
    // The primary only supervises: it never loads the web code.
    expect(residentMb(server.child.pid!)).toBeLessThan(80);
  });

  it("answers visitors from the page cache, gzipped when they accept it", async () => {
    const get = (acceptEncoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
        http
          .get(`${server.url}/p/goed-werk`, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on("error", reject),
      );
    for (let i = 0; i < 4; i++) {
      const zipped = await get("gzip, br");
      expect(zipped.headers["content-encoding"]).toBe("gzip");
      const body = gunzipSync(zipped.body).toString();
      expect(body).toContain("<html");
      const plain = await get("identity");
      expect(plain.headers["content-encoding"]).toBeUndefined();
      // Each process keeps its own copy, rendered with its own nonce.
      const withoutNonces = (html: string) => html.replace(/nonce="[^"]+"/g, "");
      expect(withoutNonces(plain.body.toString())).toBe(withoutNonces(body));
    }
  });

  it("replaces a web process that dies and stops all of them cleanly on SIGTERM", async () => {
    const [first] = childrenOf(server.child.pid!);
    process.kill(first!, "SIGKILL");
    await vi.waitFor(() => expect(server.output()).toContain("starting a new one"));
    await vi.waitFor(() => expect(childrenOf(server.child.pid!)).toHaveLength(2), { timeout: 15_000 });
    await vi.waitFor(async () => expect((await fetch(`${server.url}/`)).status).toBe(200), { timeout: 15_000 });
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain("Stopped cleanly");
  });
});
