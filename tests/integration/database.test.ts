import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_MEMBERS, DEMO_PASSWORD, seedDemoNetwork } from "../../db/seed";
import { verifyPassword } from "../../app/domain/accounts/passwords.server";
import { findPrincipleBySlug, listPrinciples } from "../../app/domain/principles/queries.server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let handle: TestDatabase;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.dispose());

const countMembers = async () =>
  (await handle.db.selectFrom("members").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;

describe("migrations", () => {
  it("create the five principles with Dutch and English labels and descriptions", async () => {
    const nl = await listPrinciples(handle.db, "nl");
    const en = await listPrinciples(handle.db, "en");
    expect(nl.map((p) => p.slug)).toEqual([
      "leren-en-realiseren",
      "goed-werk",
      "positief-mensbeeld",
      "verbindingen",
      "ecologisch-perspectief",
    ]);
    expect(nl[1]?.label).toBe("Goed werk in organisaties");
    expect(en[1]?.label).toBe("Good work in organisations");
    for (const p of [...nl, ...en]) expect(p.description.length).toBeGreaterThan(40);
    expect(await findPrincipleBySlug(handle.db, "verbindingen", "en")).toMatchObject({
      label: "Making and mending connections",
    });
    expect(await findPrincipleBySlug(handle.db, "does-not-exist", "nl")).toBeNull();
  });

  it("run forward again on a populated database without changing anything", async () => {
    await seedDemoNetwork(handle.db);
    const before = await countMembers();
    const again = await migrateToLatest(handle.db);
    expect(again.results).toEqual([]);
    expect(await countMembers()).toBe(before);
  });
});

describe("demo seed", () => {
  it("creates the documented sign-ins with Argon2id hashes of the demo password", async () => {
    await seedDemoNetwork(handle.db);
    const anna = await handle.db
      .selectFrom("members")
      .selectAll()
      .where("username", "=", "anna")
      .executeTakeFirstOrThrow();
    expect(anna.site_role).toBe("admin");
    expect(anna.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(anna.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(anna.password_hash, "wrong-password")).toBe(false);
    const names = await handle.db.selectFrom("members").select("username").execute();
    expect(names.map((n) => n.username)).toEqual(expect.arrayContaining(["anna", "bram", "carmen"]));
  });

  it("changes nothing when run twice", async () => {
    await seedDemoNetwork(handle.db);
    const snapshot = await handle.db.selectFrom("members").select(["id", "password_hash"]).orderBy("id").execute();
    const second = await seedDemoNetwork(handle.db);
    expect(second.created).toEqual([]);
    expect(second.skipped).toHaveLength(DEMO_MEMBERS.length);
    expect(await handle.db.selectFrom("members").select(["id", "password_hash"]).orderBy("id").execute()).toEqual(
      snapshot,
    );
  });
});

describe("transactions", () => {
  const insertMember = (db: typeof handle.db, username: string) =>
    db
      .insertInto("members")
      .values({ username, display_name: username, email: `${username}@example.test`, password_hash: "x" })
      .execute();

  it("are never seen half-done by a query running at the same time", async () => {
    const before = await countMembers();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));

    const transaction = handle.db.transaction().execute(async (trx) => {
      await insertMember(trx, "tx_member_one");
      events.push("inserted");
      inserted();
      await gate;
      events.push("committing");
    });
    await insertedSignal;
    const outside = countMembers().then((n) => {
      events.push("outside");
      return n;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    if (handle.kind === "embedded") {
      // One connection: the transaction holds it, so the outside query waits…
      expect(events).toEqual(["inserted"]);
      release();
      await transaction;
      // …and then sees the committed row.
      expect(await outside).toBe(before + 1);
      expect(events).toEqual(["inserted", "committing", "outside"]);
    } else {
      // A pool: the outside query runs on another connection and sees no uncommitted row.
      expect(await outside).toBe(before);
      release();
      await transaction;
      expect(await countMembers()).toBe(before + 1);
    }
  });

  it("roll back completely when they fail, and the database stays usable", async () => {
    const before = await countMembers();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insertMember(trx, "tx_member_two");
        await sql`select 1/0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await countMembers()).toBe(before);
    await insertMember(handle.db, "tx_member_three");
    expect(await countMembers()).toBe(before + 1);
  });

  it("keep many concurrent queries and transactions correct", async () => {
    const before = await countMembers();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? handle.db.transaction().execute((trx) => insertMember(trx, `tx_many_${i}`))
          : countMembers(),
      ),
    );
    expect(await countMembers()).toBe(before + 10);
  });
});
