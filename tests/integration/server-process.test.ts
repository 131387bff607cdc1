import http from "node:http";
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
