import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/client";
import { withSeededForum } from "../helpers/forum";
import { createMember, FIXTURE_PASSWORD } from "../helpers/fixtures";

const { forum, visitor, as } = withSeededForum(1);
const groupId = async (slug: string) =>
  (await forum.handle.db.selectFrom("groups").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
const memberId = async (username: string) =>
  (await forum.handle.db.selectFrom("members").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
const roleOf = async (slug: string, username: string) =>
  (
    await forum.handle.db
      .selectFrom("group_members")
      .innerJoin("groups", "groups.id", "group_members.group_id")
      .innerJoin("members", "members.id", "group_members.member_id")
      .select("group_members.role")
      .where("groups.slug", "=", slug)
      .where("members.username", "=", username)
      .executeTakeFirst()
  )?.role ?? null;
const auditActions = async (slug: string) =>
  (
    await forum.handle.db
      .selectFrom("audit_log")
      .innerJoin("groups", "groups.id", "audit_log.group_id")
      .select("audit_log.action")
      .where("groups.slug", "=", slug)
      .orderBy("audit_log.id")
      .execute()
  ).map((r) => r.action);

const PRIVATE_URLS = ["", "/members", "/settings", "/audit"];

describe("private means private", () => {
  it("answers every URL of a private circle to outsiders exactly like a missing one", async () => {
    const mainOf = (html: string) => visibleText(/<main[\s\S]*<\/main>/.exec(html)![0]);
    const outsider = await as("carmen");
    for (const client of [visitor(), outsider]) {
      const missing = await client.get("/g/bestaat-niet");
      expect(missing.status).toBe(404);
      const missingBody = mainOf(await missing.text());
      for (const slug of ["leerkring-vakmanschap", "professionele-vrienden"]) {
        for (const suffix of PRIVATE_URLS) {
          const response = await client.get(`/g/${slug}${suffix}`);
          expect(response.status, `${slug}${suffix}`).toBe(404);
          expect(mainOf(await response.text())).toBe(missingBody);
        }
      }
    }
    // Posting to a private circle's page as an outsider is a 404 too.
    expect((await outsider.post("/g/professionele-vrienden", { intent: "join" })).status).toBe(404);
  });

  it("lists public and listed circles in the directory, listed private ones by name only, unlisted ones not at all", async () => {
    const html = await (await visitor().get("/g")).text();
    expect(html).toContain('href="/g/goed-werk-in-de-praktijk"');
    expect(visibleText(html)).toContain("Leerkring Vakmanschap");
    expect(html).not.toContain('href="/g/leerkring-vakmanschap"');
    expect(visibleText(html)).not.toContain("Professionele vrienden");
    const member = await (await (await as("eva")).get("/g")).text();
    expect(member).toContain('href="/g/professionele-vrienden"');
    expect(visibleText(member).indexOf("Jouw kringen")).toBeLessThan(visibleText(member).indexOf("Professionele vrienden"));
  });

  it("shows members, hosts and settings to members, and the circle to site admins", async () => {
    const daan = await as("daan");
    expect((await daan.get("/g/leerkring-vakmanschap")).status).toBe(200);
    expect((await daan.get("/g/leerkring-vakmanschap/members")).status).toBe(200);
    // Visible but not allowed: 403.
    expect((await daan.get("/g/leerkring-vakmanschap/settings")).status).toBe(403);
    expect((await daan.get("/g/leerkring-vakmanschap/audit")).status).toBe(403);
    const anna = await as("anna");
    expect((await anna.get("/g/leerkring-vakmanschap/settings")).status).toBe(200);
  });
});

describe("a circle's page", () => {
  it("shows every host and the first twelve members (hosts first, then by name) however many join, with the full count", async () => {
    const id = await groupId("goed-werk-in-de-praktijk");
    for (let i = 0; i < 20; i++) {
      const m = await createMember(forum.handle.db, `aa.kring${String(i).padStart(2, "0")}`);
      await forum.handle.db.insertInto("group_members").values({ group_id: id, member_id: m.id, role: "member" }).execute();
    }
    const html = await (await visitor().get("/g/goed-werk-in-de-praktijk")).text();
    const section = (title: string) => {
      const start = html.indexOf(`>${title}</h2>`);
      return html.slice(start, html.indexOf("</section>", start));
    };
    const names = (part: string) => [...part.matchAll(/href="\/u\/([^"]+)"/g)].map((m) => m[1]);
    expect(names(section("Gastheren en gastvrouwen"))).toEqual(["bram", "anna"]);
    const total = (await forum.handle.db.selectFrom("group_members").select((eb) => eb.fn.countAll<number>().as("n")).where("group_id", "=", id).executeTakeFirstOrThrow()).n;
    const everyone = await forum.handle.db
      .selectFrom("group_members")
      .innerJoin("members", "members.id", "group_members.member_id")
      .select(["members.username", "members.display_name", "group_members.role"])
      .where("group_id", "=", id)
      .execute();
    const rank = (role: string) => (role === "owner" ? 0 : role === "moderator" ? 1 : 2);
    const expected = everyone
      .sort((a, b) => rank(a.role) - rank(b.role) || (a.display_name < b.display_name ? -1 : a.display_name > b.display_name ? 1 : 0))
      .slice(0, 12)
      .map((m) => m.username);
    const members = section("Leden");
    expect(names(members)).toEqual(expected);
    expect(visibleText(members)).toContain(`Alle leden (${total})`);
  });
});

describe("joining and leaving", () => {
  it("lets a verified member join an open circle and leave it; an unverified one is asked to confirm first", async () => {
    await createMember(forum.handle.db, "open.joiner");
    await createMember(forum.handle.db, "unverified.joiner", { verified: false });
    const id = await groupId("goed-werk-in-de-praktijk");
    const joiner = await as("open.joiner", FIXTURE_PASSWORD);
    const joined = await joiner.post("/g?index", { intent: "join", groupId: id });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe("/g/goed-werk-in-de-praktijk?notice=joined");
    expect(await roleOf("goed-werk-in-de-praktijk", "open.joiner")).toBe("member");
    expect((await joiner.post("/g/goed-werk-in-de-praktijk", { intent: "leave" })).status).toBe(302);
    expect(await roleOf("goed-werk-in-de-praktijk", "open.joiner")).toBeNull();

    const unverified = await as("unverified.joiner", FIXTURE_PASSWORD);
    const refused = await unverified.post("/g/goed-werk-in-de-praktijk", { intent: "join" });
    expect(refused.status).toBe(403);
    expect(visibleText(await refused.text())).toContain("Bevestig eerst je e-mailadres.");
  });

  it("keeps the last owner from leaving", async () => {
    const bram = await as("bram");
    const response = await bram.post("/g/goed-werk-in-de-praktijk", { intent: "leave" });
    expect(response.status).toBe(409);
    expect(visibleText(await response.text())).toContain("Je bent de enige eigenaar.");
  });

  it("sends a signed-out visitor who tries to join to sign in first", async () => {
    const response = await visitor().post("/g/goed-werk-in-de-praktijk", { intent: "join" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fg%2Fgoed-werk-in-de-praktijk");
  });
});

describe("requests to join", () => {
  it("are refused twice, can be withdrawn, and a withdrawn request cannot be approved", async () => {
    await createMember(forum.handle.db, "asker");
    const asker = await as("asker", FIXTURE_PASSWORD);
    const id = await groupId("leerkring-vakmanschap");
    expect((await asker.post("/g?index", { intent: "request", groupId: id, message: "Graag!" })).status).toBe(200);
    const twice = await asker.post("/g?index", { intent: "request", groupId: id, message: "Nog eens" });
    expect(twice.status).toBe(409);
    const request = await forum.handle.db
      .selectFrom("group_join_requests")
      .select("id")
      .where("member_id", "=", await memberId("asker"))
      .executeTakeFirstOrThrow();
    expect((await asker.post("/g?index", { intent: "withdraw", groupId: id })).status).toBe(200);
    const bram = await as("bram");
    const late = await bram.post("/g/leerkring-vakmanschap/members", { intent: "approve", id: request.id });
    expect(late.status).toBe(409);
    expect(visibleText(await late.text())).toContain("De aanvrager heeft deze aanvraag al ingetrokken.");
  });

  it("are approved by a host: the requester becomes a member at once, is emailed, and it is in the audit log", async () => {
    const bram = await as("bram");
    const page = await (await bram.get("/g/leerkring-vakmanschap/members")).text();
    expect(visibleText(page)).toContain("Ik werk als teamleider in de zorg");
    const carmen = await as("carmen");
    expect((await carmen.get("/g/leerkring-vakmanschap")).status).toBe(404);
    const request = await forum.handle.db
      .selectFrom("group_join_requests")
      .select("id")
      .where("member_id", "=", await memberId("carmen"))
      .where("status", "=", "pending")
      .executeTakeFirstOrThrow();
    const approved = await bram.post("/g/leerkring-vakmanschap/members", { intent: "approve", id: request.id });
    expect(approved.status).toBe(200);
    // Membership takes effect on the next request.
    expect((await carmen.get("/g/leerkring-vakmanschap")).status).toBe(200);
    await forum.server.jobs.drain();
    const mail = await forum.handle.db.selectFrom("dev_mailbox").selectAll().where("to_address", "=", "carmen@goedwerknetwerk.example").execute();
    expect(mail.map((m) => m.subject)).toContain("Welkom in Leerkring Vakmanschap");
    expect(await auditActions("leerkring-vakmanschap")).toContain("request.approve");
    const audit = visibleText(await (await bram.get("/g/leerkring-vakmanschap/audit")).text());
    expect(audit).toContain("aanvraag toegelaten");
    expect(audit).toContain("@carmen");
  });

  it("cannot be decided by an ordinary member or by hosts of another circle", async () => {
    await createMember(forum.handle.db, "asker2");
    const asker = await as("asker2", FIXTURE_PASSWORD);
    await asker.post("/g?index", { intent: "request", groupId: await groupId("leerkring-vakmanschap"), message: "" });
    const request = await forum.handle.db
      .selectFrom("group_join_requests")
      .select("id")
      .where("member_id", "=", await memberId("asker2"))
      .executeTakeFirstOrThrow();
    const daan = await as("daan");
    expect((await daan.post("/g/leerkring-vakmanschap/members", { intent: "approve", id: request.id })).status).toBe(403);
    // Anna hosts another circle: the request is not found there.
    const anna = await as("anna");
    expect((await anna.post("/g/professionele-vrienden/members", { intent: "approve", id: request.id })).status).toBe(404);
  });
});

describe("invitations", () => {
  it("are emailed, work for someone who signs up first, and work once", async () => {
    const anna = await as("anna");
    const sent = await anna.post("/g/professionele-vrienden/members", { intent: "invite", email: "nieuw.lid@example.nl" });
    expect(sent.status).toBe(200);
    const again = await anna.post("/g/professionele-vrienden/members", { intent: "invite", email: "NIEUW.lid@example.nl" });
    expect(again.status).toBe(409);
    expect(visibleText(await again.text())).toContain("Dit adres heeft al een openstaande uitnodiging.");
    const bad = await anna.post("/g/professionele-vrienden/members", { intent: "invite", email: "geen adres" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="geen adres"');

    await forum.server.jobs.drain();
    const [mail] = await forum.handle.db.selectFrom("dev_mailbox").selectAll().where("to_address", "=", "nieuw.lid@example.nl").execute();
    const link = new URL(/https?:\/\/\S+\/invite\/\S+/.exec(mail!.body_text)![0]).pathname;
    const guest = visitor();
    const guestPage = visibleText(await (await guest.get(link)).text());
    expect(guestPage).toContain("Je bent uitgenodigd voor Professionele vrienden");
    expect(guestPage).toContain("Log in met het account van dat adres");
    expect((await guest.post(link, {})).status).toBe(302); // to sign in first
    // Whoever holds the link learns nothing of the invited address.
    expect(await (await guest.get(`${link}?_data=${encodeURIComponent("routes/invite.$token")}`)).text()).not.toContain("nieuw.lid@example.nl");

    // Another account, even a verified one, cannot use someone else's invitation.
    const carmen = await as("carmen");
    const notYours = await carmen.get(link);
    expect(notYours.status).toBe(403);
    expect(visibleText(await notYours.text())).toContain("Deze uitnodiging is naar een ander e-mailadres gestuurd dan dat van je account.");
    const refused = await carmen.post(link, {});
    expect(refused.status).toBe(403);
    expect(visibleText(await refused.text())).toContain("Deze uitnodiging is naar een ander e-mailadres gestuurd");
    expect(await roleOf("professionele-vrienden", "carmen")).toBeNull();

    await createMember(forum.handle.db, "nieuw.lid");
    const invited = await as("nieuw.lid", FIXTURE_PASSWORD);
    const accepted = await invited.post(link, {});
    expect(accepted.headers.get("location")).toBe("/g/professionele-vrienden?notice=joined");
    expect(await roleOf("professionele-vrienden", "nieuw.lid")).toBe("member");
    await createMember(forum.handle.db, "doorgestuurd");
    const forwarded = await as("doorgestuurd", FIXTURE_PASSWORD);
    expect((await forwarded.post(link, {})).status).toBe(404);
  });

  it("can be revoked, and a shareable link can be made, used and revoked", async () => {
    const anna = await as("anna");
    await anna.post("/g/professionele-vrienden/members", { intent: "invite", email: "ingetrokken@example.nl" });
    const invitation = await forum.handle.db
      .selectFrom("group_invitations")
      .select("id")
      .where("email", "=", "ingetrokken@example.nl")
      .executeTakeFirstOrThrow();
    expect((await anna.post("/g/professionele-vrienden/members", { intent: "revoke", id: invitation.id })).status).toBe(200);
    expect((await anna.post("/g/professionele-vrienden/members", { intent: "revoke", id: invitation.id })).status).toBe(404);

    const made = await anna.post("/g/professionele-vrienden/settings", { intent: "create-link" });
    const link = new URL(/value="(https?:\/\/[^"]+\/join\/[^"]+)"/.exec(await made.text())![1]!).pathname;
    await createMember(forum.handle.db, "via.link");
    const joiner = await as("via.link", FIXTURE_PASSWORD);
    expect((await joiner.post(link, {})).headers.get("location")).toBe("/g/professionele-vrienden?notice=joined");
    await anna.post("/g/professionele-vrienden/settings", { intent: "revoke-link" });
    await createMember(forum.handle.db, "te.laat");
    const late = await as("te.laat", FIXTURE_PASSWORD);
    expect((await late.post(link, {})).status).toBe(404);
    expect(await auditActions("professionele-vrienden")).toEqual(
      expect.arrayContaining(["invite.send", "invite.accept", "invite.revoke", "invite-link.create", "invite-link.join", "invite-link.revoke"]),
    );
  });
});

describe("hosts acting on members", () => {
  it("ban a member, who then cannot rejoin, and lift the ban", async () => {
    await createMember(forum.handle.db, "lastig");
    const id = await groupId("goed-werk-in-de-praktijk");
    const lastig = await as("lastig", FIXTURE_PASSWORD);
    await lastig.post("/g?index", { intent: "join", groupId: id });
    const bram = await as("bram");
    const banned = await bram.post("/g/goed-werk-in-de-praktijk/members", { intent: "ban", id: await memberId("lastig"), reason: "Herhaaldelijk reclame" });
    expect(banned.status).toBe(200);
    expect(await roleOf("goed-werk-in-de-praktijk", "lastig")).toBeNull();
    const rejoin = await lastig.post("/g/goed-werk-in-de-praktijk", { intent: "join" });
    expect(rejoin.status).toBe(403);
    expect(visibleText(await rejoin.text())).toContain("Je kunt niet (meer) meedoen in deze kring.");
    expect(visibleText(await (await bram.get("/g/goed-werk-in-de-praktijk/audit")).text())).toContain("Herhaaldelijk reclame");
    expect((await bram.post("/g/goed-werk-in-de-praktijk/members", { intent: "unban", id: await memberId("lastig") })).status).toBe(200);
    expect((await lastig.post("/g/goed-werk-in-de-praktijk", { intent: "join" })).status).toBe(302);
  });

  it("stop at their own circle and at their own rank", async () => {
    const moderator = await createMember(forum.handle.db, "gespreksleider");
    await forum.handle.db
      .insertInto("group_members")
      .values({ group_id: await groupId("goed-werk-in-de-praktijk"), member_id: moderator.id, role: "moderator" })
      .execute();
    const mod = await as("gespreksleider", FIXTURE_PASSWORD);
    // A moderator cannot remove the owner…
    expect((await mod.post("/g/goed-werk-in-de-praktijk/members", { intent: "remove", id: await memberId("bram"), reason: "" })).status).toBe(403);
    // …nor change roles…
    expect((await mod.post("/g/goed-werk-in-de-praktijk/members", { intent: "role", id: await memberId("carmen"), role: "moderator" })).status).toBe(403);
    // …but can remove an ordinary member.
    expect((await mod.post("/g/goed-werk-in-de-praktijk/members", { intent: "remove", id: await memberId("eva"), reason: "Test" })).status).toBe(200);
    // And has no powers in a circle they do not host (a private one is simply not there).
    expect((await mod.post("/g/leerkring-vakmanschap/members", { intent: "remove", id: await memberId("daan"), reason: "" })).status).toBe(404);
    const anna = await as("anna");
    // Acting on someone who is not in this circle: not found.
    expect((await anna.post("/g/professionele-vrienden/members", { intent: "remove", id: await memberId("daan"), reason: "" })).status).toBe(404);
    // A made-up id: a clear 400, never a 500.
    expect((await anna.post("/g/professionele-vrienden/members", { intent: "remove", id: "nope", reason: "" })).status).toBe(400);
  });

  it("promote and demote, but never the last owner", async () => {
    const bram = await as("bram");
    expect((await bram.post("/g/goed-werk-in-de-praktijk/members", { intent: "role", id: await memberId("carmen"), role: "moderator" })).status).toBe(200);
    expect(await roleOf("goed-werk-in-de-praktijk", "carmen")).toBe("moderator");
    const last = await bram.post("/g/goed-werk-in-de-praktijk/members", { intent: "role", id: await memberId("bram"), role: "member" });
    expect(last.status).toBe(409);
    expect(await auditActions("goed-werk-in-de-praktijk")).toContain("member.role");
  });
});

describe("creating and configuring circles", () => {
  const settings = {
    name: "Nieuwe kring",
    description: "Een kring om te proberen.",
    about: "# Welkom",
    colour: "teal",
    visibility: "public",
    listed: "listed",
    joinPolicy: "open",
  };

  it("is for site admins, with clear messages for odd slugs, taken names and unknown owners", async () => {
    const carmen = await as("carmen");
    expect((await carmen.get("/g/new")).status).toBe(403);
    const anna = await as("anna");
    const odd = await anna.post("/g/new", { ...settings, slug: "Rare Slug!", owner: "bram" });
    expect(odd.status).toBe(400);
    expect(visibleText(await odd.text())).toContain("Gebruik 1 tot 64 kleine letters, cijfers en koppeltekens.");
    const taken = await anna.post("/g/new", { ...settings, name: "goed werk IN DE praktijk", slug: "iets-anders", owner: "bram" });
    expect(taken.status).toBe(409);
    expect(visibleText(await taken.text())).toContain("Er is al een kring met deze naam.");
    const slugTaken = await anna.post("/g/new", { ...settings, slug: "goed-werk-in-de-praktijk", owner: "bram" });
    expect(slugTaken.status).toBe(409);
    const noOwner = await anna.post("/g/new", { ...settings, slug: "nieuwe-kring", owner: "niemand" });
    expect(noOwner.status).toBe(400);
    const created = await anna.post("/g/new", { ...settings, slug: "nieuwe-kring", owner: "@carmen" });
    expect(created.headers.get("location")).toBe("/g/nieuwe-kring");
    expect(await roleOf("nieuwe-kring", "carmen")).toBe("owner");
  });

  it("lets the owner make a public circle private, which hides it from outsiders at once", async () => {
    const carmen = await as("carmen");
    const saved = await carmen.post("/g/nieuwe-kring/settings", { ...settings, visibility: "private", listed: "unlisted", joinPolicy: "invite" });
    expect(saved.status).toBe(200);
    expect((await visitor().get("/g/nieuwe-kring")).status).toBe(404);
    expect(await auditActions("nieuwe-kring")).toContain("group.settings");
    const bad = await carmen.post("/g/nieuwe-kring/settings", { ...settings, name: "x", visibility: "secret" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="x"');
  });
});

describe("the site-wide audit log and your data", () => {
  it("shows every circle's actions to site admins only", async () => {
    const anna = await as("anna");
    const page = visibleText(await (await anna.get("/admin/audit")).text());
    expect(page).toContain("Logboek van het hele netwerk");
    expect(page).toContain("aanvraag toegelaten");
    expect((await (await as("bram")).get("/admin/audit")).status).toBe(403);
    expect((await visitor().get("/admin/audit")).status).toBe(302);
  });

  it("puts a member's circles and requests in their data export", async () => {
    const daan = await as("daan");
    const data = await (await daan.get("/settings/export.json")).json();
    expect(data.circles.map((c: { slug: string }) => c.slug)).toContain("leerkring-vakmanschap");
  });
});
