import { http, HttpResponse } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/lib/env.server";
import { startJobQueue, type JobQueue } from "../../app/lib/jobs.server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { mswServer } from "../helpers/setup";

const API = "https://mail.example.test/send";
let handle: TestDatabase;
let jobs: JobQueue;
const config = loadConfig({ EMAIL_API_URL: API, EMAIL_API_KEY: "geheim", EMAIL_FROM: "Forum <forum@example.nl>" });

beforeAll(async () => {
  handle = await createTestDatabase();
  jobs = await startJobQueue(handle, { config, work: false });
});
afterAll(async () => {
  await jobs?.stop();
  await handle?.dispose();
});

describe("email through the configured email API", () => {
  it("posts each queued email once, with the sender, a bearer key and an idempotency key", async () => {
    const received: Array<{ body: unknown; auth: string | null; key: string | null }> = [];
    mswServer.use(
      http.post(API, async ({ request }) => {
        received.push({ body: await request.json(), auth: request.headers.get("authorization"), key: request.headers.get("idempotency-key") });
        return HttpResponse.json({ id: "ok" });
      }),
    );
    await handle.db.transaction().execute((trx) => jobs.sendEmail(trx, { to: "iemand@example.nl", subject: "Hallo", text: "Tekst" }));
    await jobs.drain();
    await jobs.drain();
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toEqual({ from: "Forum <forum@example.nl>", to: "iemand@example.nl", subject: "Hallo", text: "Tekst" });
    expect(received[0]!.auth).toBe("Bearer geheim");
    expect(received[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    // Nothing lands in the dev mailbox while an API is configured.
    expect(await handle.db.selectFrom("dev_mailbox").selectAll().execute()).toEqual([]);
  });

  it("sends nothing when the transaction that queued the email rolls back", async () => {
    let calls = 0;
    mswServer.use(http.post(API, () => { calls += 1; return HttpResponse.json({}); }));
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await jobs.sendEmail(trx, { to: "niemand@example.nl", subject: "Nee", text: "Nee" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await jobs.drain();
    expect(calls).toBe(0);
  });

  it("keeps a job for a retry when the API fails", async () => {
    mswServer.use(http.post(API, () => new HttpResponse(null, { status: 503 })));
    await handle.db.transaction().execute((trx) => jobs.sendEmail(trx, { to: "later@example.nl", subject: "Later", text: "Later" }));
    await jobs.drain();
    const rows = await handle.db
      .selectFrom("pgboss.job" as never)
      .select(["state" as never])
      .where("name" as never, "=", "email" as never)
      .execute();
    expect((rows as Array<{ state: string }>).map((r) => r.state)).toContain("retry");
  });
});
