import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { sendDueReminders } from "../../app/domain/events/commands.server";
import { instantToWallTime } from "../../app/lib/time-zones";
import { visibleText } from "../helpers/client";
import { createMember, FIXTURE_PASSWORD } from "../helpers/fixtures";
import { withSeededForum } from "../helpers/forum";

const { forum, visitor, as } = withSeededForum(4);

const DAY = 86_400_000;
/** "YYYY-MM-DDTHH:mm" in Amsterdam, `days` from now at `time`. */
const wall = (days: number, time: string) => `${instantToWallTime(new Date(Date.now() + days * DAY), "Europe/Amsterdam").slice(0, 10)}T${time}`;

const eventForm = (fields: Record<string, string> = {}) => ({
  title: "Kringavond over vakmanschap",
  description: "We praten over **vakmanschap**.",
  starts: wall(20, "19:30"),
  ends: wall(20, "21:30"),
  timeZone: "Europe/Amsterdam",
  placeName: "Bibliotheek",
  placeAddress: "Neude 11, Utrecht",
  mapUrl: "",
  onlineUrl: "",
  capacity: "",
  rsvpDeadline: "",
  ...fields,
});

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue("uid")),
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
    status: String(vevent.getFirstPropertyValue("status")),
    summary: String(vevent.getFirstPropertyValue("summary")),
    description: String(vevent.getFirstPropertyValue("description") ?? ""),
    start: (vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    end: (vevent.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate(),
  }));
}

async function createEvent(username: string, fields: Record<string, string> = {}, group = "goed-werk-in-de-praktijk") {
  const host = await as(username);
  const response = await host.post(`/e/new?group=${group}`, eventForm(fields));
  expect(response.status, visibleText(await response.clone().text()).slice(0, 400)).toBe(302);
  const id = Number(/\/e\/(\d+)$/.exec(response.headers.get("location")!)![1]);
  return { host, id };
}

async function mailTo(email: string) {
  await forum.server.jobs.drain();
  return forum.handle.db.selectFrom("dev_mailbox").selectAll().where("to_address", "=", email).orderBy("id").execute();
}

const rsvp = (client: Awaited<ReturnType<typeof as>>, id: number, status: string, note = "") =>
  client.post(`/e/${id}`, { intent: "rsvp", status, note });

describe("planning a meetup", () => {
  it("lets a host plan one with a discussion thread; it shows on the circle, /e, home and its principle, and as a valid .ics", async () => {
    const { id } = await createEvent("bram", { "principle-goed-werk": "on" });
    const page = visibleText(await (await visitor().get(`/e/${id}`)).text());
    expect(page).toContain("Kringavond over vakmanschap");
    expect(page).toContain("19:30 – 21:30");
    expect(page).toMatch(/Europe\/Amsterdam\s*,\s*CET/);
    for (const path of ["/g/goed-werk-in-de-praktijk", "/e", "/", "/p/goed-werk"]) {
      expect(visibleText(await (await visitor().get(path)).text()), path).toContain("Kringavond over vakmanschap");
    }
    const thread = await forum.handle.db.selectFrom("events").innerJoin("threads", "threads.id", "events.thread_id").select(["threads.title", "threads.group_id"]).where("events.id", "=", id).executeTakeFirstOrThrow();
    expect(thread.title).toBe("Kringavond over vakmanschap");

    const ics = await visitor().get(`/e/${id}/calendar.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const [event] = parseCalendar(await ics.text());
    expect(event!.uid).toMatch(new RegExp(`^event-${id}@`));
    expect(event!.sequence).toBe(0);
    expect(event!.status).toBe("CONFIRMED");
    expect(event!.summary).toBe("Kringavond over vakmanschap");
    const stored = await forum.handle.db.selectFrom("events").select(["starts_at", "ends_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(event!.start.getTime()).toBe(stored.starts_at.getTime());
    expect(event!.end.getTime()).toBe(stored.ends_at.getTime());
  });

  it.each([
    [{ ends: wall(20, "18:00") }, "Het einde moet na het begin liggen."],
    [{ timeZone: "Europe/Atlantis" }, "Kies een bestaande tijdzone"],
    [{ capacity: "-3" }, "Vul een aantal plaatsen in tussen 1 en 100.000"],
    [{ capacity: "999999999" }, "Vul een aantal plaatsen in tussen 1 en 100.000"],
    [{ capacity: "veel" }, "Vul een aantal plaatsen in tussen 1 en 100.000"],
    [{ onlineUrl: "javascript:alert(1)" }, "Een onlinelink begint met http:// of https://."],
    [{ mapUrl: "data:text/html,x" }, "Een kaartlink begint met http:// of https://."],
    [{ starts: "2027-03-28T02:30", ends: "2027-03-28T04:00" }, "Deze tijd bestaat niet in deze tijdzone"],
    [{ rsvpDeadline: wall(25, "12:00") }, "De aanmeldtermijn moet op of voor het begin liggen."],
    [{ starts: "morgen" }, "Vul een datum en tijd in."],
    [{ placeName: "", placeAddress: "", onlineUrl: "" }, "Vul een plaats, een adres of een onlinelink in."],
  ])("refuses %j with a clear message and keeps what was typed", async (fields, message) => {
    const bram = await as("bram");
    const response = await bram.post("/e/new?group=goed-werk-in-de-praktijk", eventForm({ title: "Mijn getypte titel", ...fields }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(visibleText(html)).toContain(message);
    expect(html).toContain('value="Mijn getypte titel"');
  });

  it("stores times across the daylight-saving changes as the wall clock says", async () => {
    const { id } = await createEvent("bram", { starts: "2027-10-30T22:00", ends: "2027-10-31T06:00", placeName: "Nachtwandeling" });
    const stored = await forum.handle.db.selectFrom("events").select(["starts_at", "ends_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    // 31 October 2027 the clocks go back: eight wall-clock hours are nine real ones.
    expect(stored.starts_at.toISOString()).toBe("2027-10-30T20:00:00.000Z");
    expect(stored.ends_at.toISOString()).toBe("2027-10-31T05:00:00.000Z");
    const march = await createEvent("bram", { starts: "2027-03-27T22:00", ends: "2027-03-28T06:00", placeName: "Voorjaarsnacht" });
    const spring = await forum.handle.db.selectFrom("events").select(["starts_at", "ends_at"]).where("id", "=", march.id).executeTakeFirstOrThrow();
    expect(spring.ends_at.getTime() - spring.starts_at.getTime()).toBe(7 * 3600_000);
    expect(visibleText(await (await visitor().get(`/e/${id}`)).text())).toContain("22:00");
  });

  it("is for hosts of the circle and site admins; network events for site admins only; private events stay 404", async () => {
    const carmen = await as("carmen");
    expect((await carmen.get("/e/new?group=goed-werk-in-de-praktijk")).status).toBe(403);
    expect((await carmen.post("/e/new?group=goed-werk-in-de-praktijk", eventForm())).status).toBe(403);
    expect((await visitor().get("/e/new?group=goed-werk-in-de-praktijk")).status).toBe(302);
    expect((await (await as("bram")).get("/e/new")).status).toBe(403);
    const network = await createEvent("anna", { title: "Netwerkdag" }, "");
    expect(visibleText(await (await visitor().get(`/e/${network.id}`)).text())).toContain("Netwerkdag");
    // A private circle's meetup: 404 for a visitor, for a member of another circle, and in lists and feeds.
    const secret = await createEvent("bram", { title: "Geheime leerkringavond" }, "leerkring-vakmanschap");
    expect((await visitor().get(`/e/${secret.id}`)).status).toBe(404);
    expect((await carmen.get(`/e/${secret.id}`)).status).toBe(404);
    expect((await carmen.get(`/e/${secret.id}/calendar.ics`)).status).toBe(404);
    expect((await carmen.post(`/e/${secret.id}`, { intent: "rsvp", status: "going", note: "" })).status).toBe(404);
    expect(visibleText(await (await carmen.get("/e")).text())).not.toContain("Geheime leerkringavond");
    expect((await visitor().get("/g/leerkring-vakmanschap/calendar.ics")).status).toBe(404);
    expect(visibleText(await (await (await as("daan")).get(`/e/${secret.id}`)).text())).toContain("Geheime leerkringavond");
  });
});

describe("a meetup and its discussion", () => {
  it("are created together or not at all: a host at the posting limit gets the reason on the form, and neither is made", async () => {
    const host = await as("bram");
    const bram = await forum.handle.db.selectFrom("members").select("id").where("username", "=", "bram").executeTakeFirstOrThrow();
    // Bram has just posted as much as the posting limit allows (20 in ten minutes).
    await forum.handle.db
      .insertInto("rate_limits")
      .values({ key: `post:${bram.id}`, window_started_at: new Date(), hits: 20 })
      .onConflict((oc) => oc.column("key").doUpdateSet({ window_started_at: new Date(), hits: 20 }))
      .execute();
    const title = "Bijeenkomst die niet doorgaat";
    try {
      const response = await host.post("/e/new?group=goed-werk-in-de-praktijk", eventForm({ title, description: "Over het **gesprek**." }));
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      const html = await response.text();
      expect(visibleText(html)).toContain("De bijeenkomst is niet aangemaakt");
      expect(html).toContain("Over het **gesprek**.");
      expect(await forum.handle.db.selectFrom("events").select("id").where("title", "=", title).execute()).toEqual([]);
      expect(await forum.handle.db.selectFrom("threads").select("id").where("title", "=", title).execute()).toEqual([]);
      const audited = await forum.handle.db.selectFrom("audit_log").select("id").where("action", "=", "event.create").where("target_label", "=", title).execute();
      expect(audited).toEqual([]);
    } finally {
      await forum.handle.db.deleteFrom("rate_limits").where("key", "=", `post:${bram.id}`).execute();
    }
    // With the limit passed, the same form makes both, linked.
    const { id } = await createEvent("bram", { title });
    const linked = await forum.handle.db.selectFrom("events").innerJoin("threads", "threads.id", "events.thread_id").select("threads.title").where("events.id", "=", id).executeTakeFirstOrThrow();
    expect(linked.title).toBe(title);
  });
});

describe("answering", () => {
  it("never overbooks the last places under parallel answers, and queues the rest in order", async () => {
    const { id } = await createEvent("bram", { title: "Drie plekken", capacity: "3" });
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => createMember(forum.handle.db, `race${i}`)));
    const clients = await Promise.all(people.map((p) => as(p.username, FIXTURE_PASSWORD)));
    const answers = await Promise.all(clients.map((client) => rsvp(client, id, "going")));
    expect(answers.every((a) => a.status === 302)).toBe(true);
    const rows = await forum.handle.db.selectFrom("event_rsvps").select(["status", "waitlisted_at"]).where("event_id", "=", id).execute();
    expect(rows.filter((r) => r.status === "going")).toHaveLength(3);
    expect(rows.filter((r) => r.status === "waitlist")).toHaveLength(7);
    const notices = answers.map((a) => a.headers.get("location"));
    expect(notices.filter((l) => l?.includes("notice=going"))).toHaveLength(3);
    expect(notices.filter((l) => l?.includes("notice=waitlist"))).toHaveLength(7);
  });

  it("promotes the first on the waitlist when someone drops, tells them with an .ics, and nobody jumps the queue", async () => {
    const { id } = await createEvent("bram", { title: "Eén plek", capacity: "1", onlineUrl: "https://meet.example.nl/geheim" });
    const [first, second, third] = await Promise.all(["wacht1", "wacht2", "wacht3"].map((u) => createMember(forum.handle.db, u)));
    const c1 = await as(first!.username, FIXTURE_PASSWORD);
    const c2 = await as(second!.username, FIXTURE_PASSWORD);
    const c3 = await as(third!.username, FIXTURE_PASSWORD);
    await rsvp(c1, id, "going");
    await rsvp(c2, id, "going");
    await rsvp(c3, id, "going");
    expect(visibleText(await (await c3.get(`/e/${id}`)).text())).toContain("Op de wachtlijst (plaats 2)");
    // The online link is for those going only.
    expect(await (await c1.get(`/e/${id}`)).text()).toContain("https://meet.example.nl/geheim");
    expect(await (await c2.get(`/e/${id}`)).text()).not.toContain("https://meet.example.nl/geheim");
    expect(parseCalendar(await (await visitor().get(`/e/${id}/calendar.ics`)).text())[0]!.description).not.toContain("meet.example.nl");
    expect(parseCalendar(await (await c1.get(`/e/${id}/calendar.ics`)).text())[0]!.description).toContain("https://meet.example.nl/geheim");

    // Saying "going" again while waiting keeps one's place.
    await rsvp(c3, id, "going", "ik wacht geduldig");
    expect(visibleText(await (await c3.get(`/e/${id}`)).text())).toContain("plaats 2");
    expect((await rsvp(c1, id, "not_going")).status).toBe(302);
    const statuses = Object.fromEntries(
      (await forum.handle.db.selectFrom("event_rsvps").select(["member_id", "status"]).where("event_id", "=", id).execute()).map((r) => [r.member_id, r.status]),
    );
    expect(statuses[second!.id]).toBe("going");
    expect(statuses[third!.id]).toBe("waitlist");
    const mail = await mailTo(second!.email);
    expect(mail.at(-1)!.subject).toBe("Er is een plek voor je: Eén plek");
    expect(parseCalendar(mail.at(-1)!.calendar!)[0]!.description).toContain("meet.example.nl");
    // A newcomer joins the back of the queue.
    const late = await createMember(forum.handle.db, "laatkomer");
    await rsvp(await as(late.username, FIXTURE_PASSWORD), id, "going");
    expect(visibleText(await (await c3.get(`/e/${id}`)).text())).toContain("plaats 1");
  });

  it("promotes when the host raises the capacity, and asks before lowering it below the number going", async () => {
    const { host, id } = await createEvent("bram", { title: "Groeiende avond", capacity: "1" });
    const members = await Promise.all(["groei1", "groei2", "groei3"].map((u) => createMember(forum.handle.db, u)));
    for (const m of members) await rsvp(await as(m.username, FIXTURE_PASSWORD), id, "going");
    const edit = (fields: Record<string, string>) => host.post(`/e/${id}/edit`, eventForm({ title: "Groeiende avond", ...fields }));
    expect((await edit({ capacity: "3" })).status).toBe(302);
    const going = () => forum.handle.db.selectFrom("event_rsvps").select("member_id").where("event_id", "=", id).where("status", "=", "going").execute();
    expect(await going()).toHaveLength(3);
    expect((await mailTo(members[1]!.email)).map((m) => m.subject)).toContain("Er is een plek voor je: Groeiende avond");
    // Everyone answering gets the change with SEQUENCE raised.
    const changed = (await mailTo(members[0]!.email)).at(-1)!;
    expect(changed.subject).toBe("Gewijzigd: Groeiende avond");
    expect(parseCalendar(changed.calendar!)[0]!.sequence).toBe(1);

    const lowered = await edit({ capacity: "1", description: "Nieuwe tekst die blijft" });
    expect(lowered.status).toBe(409);
    const html = await lowered.text();
    expect(visibleText(html)).toContain("Er komen al 3 mensen. Met dit aantal plaatsen hebben 2 van hen geen plek meer.");
    expect(html).toContain("Nieuwe tekst die blijft");
    expect(await going()).toHaveLength(3);
    expect((await edit({ capacity: "1", overflow: "waitlist" })).status).toBe(302);
    expect(await going()).toHaveLength(1);
    expect((await mailTo(members[2]!.email)).at(-1)!.subject).toBe("Op de wachtlijst: Groeiende avond");
  });

  it("refuses answers after the deadline, on a cancelled or past event, and from people who cannot see it", async () => {
    const deadline = await createEvent("bram", { title: "Vroeg aanmelden", rsvpDeadline: wall(1, "09:00") });
    await forum.handle.db.updateTable("events").set({ rsvp_deadline: new Date(Date.now() - 60_000) }).where("id", "=", deadline.id).execute();
    const carmen = await as("carmen");
    const late = await rsvp(carmen, deadline.id, "going", "toch graag");
    expect(late.status).toBe(409);
    expect(visibleText(await late.text())).toContain("De aanmeldtermijn is verstreken.");

    const { host, id } = await createEvent("bram", { title: "Gaat niet door" });
    await rsvp(carmen, id, "going");
    const noReason = await host.post(`/e/${id}`, { intent: "cancel", reason: " " });
    expect(noReason.status).toBe(400);
    expect((await carmen.post(`/e/${id}`, { intent: "cancel", reason: "Ik wil niet" })).status).toBe(403);
    expect((await host.post(`/e/${id}`, { intent: "cancel", reason: "De zaal is niet beschikbaar" })).status).toBe(302);
    const refused = await rsvp(carmen, id, "maybe");
    expect(refused.status).toBe(409);
    expect(visibleText(await refused.text())).toContain("afgelast");
    const [cancelled] = parseCalendar(await (await visitor().get(`/e/${id}/calendar.ics`)).text());
    expect(cancelled!.status).toBe("CANCELLED");
    expect(cancelled!.sequence).toBe(1);
    const carmenEmail = (await forum.handle.db.selectFrom("members").select("email").where("username", "=", "carmen").executeTakeFirstOrThrow()).email;
    const mail = (await mailTo(carmenEmail)).at(-1)!;
    expect(mail.subject).toBe("Afgelast: Gaat niet door");
    expect(parseCalendar(mail.calendar!)[0]!.status).toBe("CANCELLED");
    expect(visibleText(await (await visitor().get(`/e/${id}`)).text())).toContain("Afgelast. Reden: De zaal is niet beschikbaar");
    expect((await rsvp(carmen, id, "nonsense")).status).toBe(400);
  });
});

describe("calendars and reminders", () => {
  it("gives a public circle a feed and each member a secret, revocable one", async () => {
    const { id } = await createEvent("bram", { title: "In de feed" });
    const feed = parseCalendar(await (await visitor().get("/g/goed-werk-in-de-praktijk/calendar.ics")).text());
    expect(feed.map((e) => e.summary)).toContain("In de feed");
    const carmen = await as("carmen");
    await rsvp(carmen, id, "going");
    const created = await carmen.post("/settings/calendar", { intent: "renew" });
    const url = /(http:\/\/[^\s<"]+\/calendar\/[A-Za-z0-9_-]+\.ics)/.exec(await created.text())![1]!;
    const path = new URL(url).pathname;
    const mine = parseCalendar(await (await visitor().get(path)).text());
    expect(mine.map((e) => e.summary)).toContain("In de feed");
    expect(mine.every((e) => e.uid.startsWith("event-"))).toBe(true);
    await carmen.post("/settings/calendar", { intent: "revoke" });
    expect((await visitor().get(path)).status).toBe(404);
    expect((await visitor().get("/calendar/niet-geldig-maar-lang-genoeg.ics")).status).toBe(404);
  });

  it("reminds everyone going a day before, once, even when the sweep runs again after a restart", async () => {
    const { id } = await createEvent("bram", { title: "Morgen al", starts: wall(0, "23:00"), ends: wall(1, "01:00") });
    await forum.handle.db
      .updateTable("events")
      .set({ starts_at: new Date(Date.now() + 20 * 3600_000), ends_at: new Date(Date.now() + 22 * 3600_000) })
      .where("id", "=", id)
      .execute();
    const goer = await createMember(forum.handle.db, "herinnerd");
    await rsvp(await as(goer.username, FIXTURE_PASSWORD), id, "going");
    const ctx = { jobs: forum.server.jobs, origin: forum.server.url };
    await sendDueReminders(forum.handle.db, ctx);
    await sendDueReminders(forum.handle.db, ctx);
    const reminders = (await mailTo(goer.email)).filter((m) => m.subject === "Morgen: Morgen al");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body_text).toContain(`/e/${id}`);
    // Moved to another time: a new reminder for the new time.
    await forum.handle.db.updateTable("events").set({ starts_at: new Date(Date.now() + 21 * 3600_000) }).where("id", "=", id).execute();
    await sendDueReminders(forum.handle.db, ctx);
    expect((await mailTo(goer.email)).filter((m) => m.subject === "Morgen: Morgen al")).toHaveLength(2);
  });

  it("stops emailing someone who can no longer see the meetup: they left its private circle after saying they would come", async () => {
    const { id } = await createEvent("bram", { title: "Besloten kring morgen", starts: wall(0, "23:00"), ends: wall(1, "01:00") }, "leerkring-vakmanschap");
    await forum.handle.db
      .updateTable("events")
      .set({ starts_at: new Date(Date.now() + 20 * 3600_000), ends_at: new Date(Date.now() + 22 * 3600_000) })
      .where("id", "=", id)
      .execute();
    const circle = await forum.handle.db.selectFrom("groups").select("id").where("slug", "=", "leerkring-vakmanschap").executeTakeFirstOrThrow();
    const [stays, leaves] = await Promise.all(["blijver", "vertrekker"].map((u) => createMember(forum.handle.db, u)));
    await forum.handle.db
      .insertInto("group_members")
      .values([stays!, leaves!].map((m) => ({ group_id: circle.id, member_id: m.id, role: "member" as const })))
      .execute();
    for (const member of [stays!, leaves!]) expect((await rsvp(await as(member.username, FIXTURE_PASSWORD), id, "going")).status).toBe(302);
    await forum.handle.db.deleteFrom("group_members").where("group_id", "=", circle.id).where("member_id", "=", leaves!.id).execute();
    await sendDueReminders(forum.handle.db, { jobs: forum.server.jobs, origin: forum.server.url });
    const reminder = (m: { subject: string }) => m.subject === "Morgen: Besloten kring morgen";
    expect((await mailTo(stays!.email)).filter(reminder)).toHaveLength(1);
    expect((await mailTo(leaves!.email)).filter(reminder)).toHaveLength(0);
  });
});
