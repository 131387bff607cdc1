import { afterAll, beforeAll, expect } from "vitest";
import { seedDemoNetwork } from "../../db/seed";
import { createClient } from "./client";
import { createTestDatabase, type TestDatabase } from "./database";
import { startTestServer } from "./http-server";

/**
 * Inside a test file: a fresh database with the demo network and the real
 * HTTP stack behind a (pretend) proxy, so each client gets its own address
 * and the per-IP limits of one test stay out of the others. `subnet` keeps
 * files apart.
 */
export function withSeededForum(subnet: number, env: Record<string, string> = {}) {
  const forum = {} as { handle: TestDatabase; server: Awaited<ReturnType<typeof startTestServer>> };
  let counter = 0;
  const freshIp = () => ({ "x-forwarded-for": `10.${subnet}.${Math.floor(++counter / 250)}.${counter % 250}` });

  beforeAll(async () => {
    forum.handle = await createTestDatabase();
    await seedDemoNetwork(forum.handle.db);
    forum.server = await startTestServer(forum.handle, { TRUST_PROXY: "true", ...env });
  });
  afterAll(async () => {
    await forum.server?.close();
    await forum.handle?.dispose();
  });

  return {
    forum,
    freshIp,
    visitor: () => createClient(forum.server.url, freshIp()),
    /** A client signed in through the real form. */
    async as(username: string, password = "goedwerk-demo") {
      const client = createClient(forum.server.url, freshIp());
      expect((await client.signIn(username, password)).status, `sign in as ${username}`).toBe(302);
      return client;
    },
  };
}
