import { hashPassword } from "../app/domain/accounts/passwords.server";
import { renderMarkdown } from "../app/lib/markdown.server";
import type { MemberActor } from "../app/auth/policy";
import { guardianFor } from "../app/auth/guardian.server";
import { replyToThread, startThread } from "../app/domain/threads/posting.server";
import { slugifyTitle } from "../app/domain/threads/schema";
import { createEvent } from "../app/domain/events/commands.server";
import { DEFAULT_EVENT_ZONE, instantToWallTime, wallTimeToInstant } from "../app/lib/time-zones";
import type { Database } from "./index";

export const DEMO_PASSWORD = "goedwerk-demo";

interface DemoMember {
  username: string;
  display_name: string;
  email: string;
  site_role: "member" | "admin";
  bio: string;
  description: string;
}

/** The demo network; the first three are the documented sign-ins. */
export const DEMO_MEMBERS: DemoMember[] = [
  {
    username: "anna",
    display_name: "Anna de Vries",
    email: "anna@goedwerknetwerk.example",
    site_role: "admin",
    bio: "Adviseur goed werk. Bouwt leergroepen en houdt het netwerk bij elkaar.",
    description: "site admin",
  },
  {
    username: "bram",
    display_name: "Bram Jansen",
    email: "bram@goedwerknetwerk.example",
    site_role: "member",
    bio: "Adviseur en gastheer van de kringen. Werkt graag samen met collega-adviseurs.",
    description: "host of the circles",
  },
  {
    username: "carmen",
    display_name: "Carmen Bakker",
    email: "carmen@goedwerknetwerk.example",
    site_role: "member",
    bio: "Teamleider in de zorg, verkent daarnaast het zelfstandig werken als professionele vriend.",
    description: "member",
  },
  {
    username: "daan",
    display_name: "Daan Visser",
    email: "daan@goedwerknetwerk.example",
    site_role: "member",
    bio: "HR-professional bij een gemeente; lid van een leergroep over vakmanschap.",
    description: "member",
  },
  {
    username: "eva",
    display_name: "Eva Smit",
    email: "eva@goedwerknetwerk.example",
    site_role: "member",
    bio: "Zelfstandig adviseur; trekt samen op met het netwerk bij opdrachten.",
    description: "member",
  },
];

interface DemoGroup {
  slug: string;
  name: string;
  description: string;
  about: string;
  colour: string;
  visibility: "public" | "private";
  listed: boolean;
  join_policy: "open" | "request" | "invite";
  members: Array<[username: string, role: "owner" | "moderator" | "member"]>;
  requests?: Array<[username: string, message: string]>;
}

/** The demo circles: a public theme group, a private listed circle with a pending request, an invitation-only circle. */
export const DEMO_GROUPS: DemoGroup[] = [
  {
    slug: "goed-werk-in-de-praktijk",
    name: "Goed werk in de praktijk",
    description: "Open themagroep: voorbeelden, vragen en ervaringen rond werk dat goed is, goed doet en goed voelt.",
    about:
      "Deel wat je in je eigen organisatie tegenkomt: **wat werkt**, wat schuurt en wat je anderen zou willen meegeven.\n\n- Verhalen uit de praktijk\n- Vragen aan collega's\n- Tips voor leesvoer en bijeenkomsten",
    colour: "green",
    visibility: "public",
    listed: true,
    join_policy: "open",
    members: [["bram", "owner"], ["anna", "moderator"], ["carmen", "member"], ["daan", "member"], ["eva", "member"]],
  },
  {
    slug: "leerkring-vakmanschap",
    name: "Leerkring Vakmanschap",
    description: "Besloten leergroep van professionals uit zorg en gemeenten die samen onderzoeken wat vakmanschap vraagt.",
    about: "We komen elke zes weken samen en bespreken tussendoor casussen. Wat hier gedeeld wordt, blijft in de kring.",
    colour: "blue",
    visibility: "private",
    listed: true,
    join_policy: "request",
    members: [["bram", "owner"], ["daan", "member"]],
    requests: [["carmen", "Ik werk als teamleider in de zorg en zou graag aansluiten bij jullie gesprekken over vakmanschap."]],
  },
  {
    slug: "professionele-vrienden",
    name: "Professionele vrienden",
    description: "Kring voor professionals die naast hun baan zelfstandig werken, met steun van het netwerk.",
    about: "Hier bespreken we de eerste stappen als zelfstandige, opdrachten waar je op kunt meelopen en hoe je dat combineert met je baan.",
    colour: "orange",
    visibility: "private",
    listed: false,
    join_policy: "invite",
    members: [["anna", "owner"], ["bram", "moderator"], ["eva", "member"]],
  },
];

interface DemoThread {
  key: string;
  group: string;
  author: string;
  title: string;
  body: string;
  principles: string[];
  /** The circle's own theme tags (by label). */
  tags?: string[];
  /** `{thread}` in a reply stands for the thread's address. */
  replies: Array<[author: string, body: string]>;
  /** [post number, who, kind] */
  reactions?: Array<[number: number, username: string, kind: "agree" | "heart" | "insight" | "thanks"]>;
}

/** Theme tags the demo circles start with. */
export const DEMO_TAGS: Record<string, string[]> = {
  "goed-werk-in-de-praktijk": ["Zorg en welzijn", "Zelfstandig werken", "Onderwijs", "Overheid"],
  "leerkring-vakmanschap": ["Casus", "Intervisie"],
  "professionele-vrienden": ["Opdrachten"],
};

export const DEMO_THREADS: DemoThread[] = [
  {
    key: "praktijk-1",
    group: "goed-werk-in-de-praktijk",
    author: "bram",
    title: "Wanneer voelt werk voor jou als goed werk?",
    body: "Ik ben benieuwd naar jullie voorbeelden. Bij mij is het vaak het moment dat een team zelf een oplossing vindt waar ik alleen de vraag voor stelde.\n\nWat is jouw moment?",
    principles: ["goed-werk", "positief-mensbeeld"],
    tags: ["Zorg en welzijn"],
    replies: [
      ["carmen", "Als een cliënt merkt dat we echt naar hem luisteren, en de collega's daar trots op zijn. Dat **doet** goed en **voelt** goed."],
      ["daan", "Voor mij: als een nieuwe regel eindelijk wordt geschrapt omdat we het vak weer vertrouwen."],
      ["eva", "[@daan]({thread}#post-3):\n> als een nieuwe regel eindelijk wordt geschrapt\n\nHerkenbaar! Ik zie dat ook bij gemeenten waar ik werk."],
      ["bram", "Mooi hoe verschillend het is. @carmen, mag ik jouw voorbeeld meenemen naar de leerkring? Daar zoeken we casussen over *luisteren als vak*."],
      ["carmen", "Graag, @bram. Ik schrijf er dan een korte casus bij."],
    ],
    reactions: [
      [1, "carmen", "heart"],
      [1, "eva", "agree"],
      [2, "bram", "heart"],
      [2, "daan", "thanks"],
      [3, "eva", "agree"],
      [3, "anna", "insight"],
      [5, "carmen", "thanks"],
    ],
  },
  {
    key: "praktijk-2",
    group: "goed-werk-in-de-praktijk",
    author: "eva",
    title: "Eerste opdracht als zelfstandige: hoe pak je dat aan?",
    body: "Ik wil volgend jaar een dag per week zelfstandig gaan werken, naast mijn baan. Wie heeft tips voor de eerste opdracht?",
    principles: ["leren-en-realiseren", "verbindingen"],
    tags: ["Zelfstandig werken"],
    replies: [
      ["anna", "Begin met een klus die dicht bij je vak ligt, en neem iemand uit het netwerk mee als sparringpartner. @bram en ik doen dat graag."],
      ["daan", "Spreek vooraf af wat *goed werk* voor jou en je opdrachtgever betekent. Dat scheelt achteraf veel gesprekken.\n\n1. Wat is het resultaat?\n2. Wie doet wat?\n3. Wanneer kijken we samen terug?"],
      ["eva", "Dank jullie! @anna, ik kom graag eens sparren."],
    ],
    reactions: [
      [2, "eva", "thanks"],
      [3, "eva", "insight"],
      [3, "carmen", "agree"],
    ],
  },
  {
    key: "praktijk-3",
    group: "goed-werk-in-de-praktijk",
    author: "carmen",
    title: "Regels schrappen: wie heeft een goed voorbeeld?",
    body: "In onze zorginstelling mogen teams dit jaar drie regels voorstellen om te schrappen. Wie heeft dit al eens gedaan, en wat leverde het op?",
    principles: ["goed-werk", "positief-mensbeeld"],
    tags: ["Zorg en welzijn", "Overheid"],
    replies: [
      ["daan", "Bij ons schrapten we het dubbele registreren van bezoeken. Het leverde een uur per week per collega op, en vooral: vertrouwen."],
      ["bram", "Let op wat ervoor terugkomt. Een regel schrappen werkt pas als het team zelf afspraken maakt over wat er nodig is."],
    ],
    reactions: [
      [2, "carmen", "insight"],
      [3, "daan", "agree"],
    ],
  },
  {
    key: "praktijk-4",
    group: "goed-werk-in-de-praktijk",
    author: "anna",
    title: "Leren in de klas en op de werkvloer: twee kanten van één zaak",
    body: "Wie werkt er in het onderwijs en herkent dat leren en doen steeds verder uit elkaar groeien? Ik ben op zoek naar voorbeelden waar ze weer samenkomen.",
    principles: ["leren-en-realiseren"],
    tags: ["Onderwijs"],
    replies: [["eva", "Op de mbo-school van mijn zus lopen studenten vanaf week één mee in een wijkteam. Ze leren er meer dan in een half jaar theorie."]],
    reactions: [[2, "anna", "heart"]],
  },
  {
    key: "vakmanschap-1",
    group: "leerkring-vakmanschap",
    author: "daan",
    title: "Casus: de werkdruk in het wijkteam",
    body: "Voor de volgende bijeenkomst: ons wijkteam heeft een wachtlijst en de roosters lopen vast. Wat zouden jullie als eerste onderzoeken?",
    principles: ["goed-werk", "ecologisch-perspectief"],
    tags: ["Casus"],
    replies: [
      ["bram", "Ik zou beginnen bij de vraag wat de professionals zelf als verspilling ervaren. Neem het mee naar de kring."],
      ["daan", "Goede vraag, @bram. Ik vraag het team om een week lang bij te houden wat ze als zinloos ervaren."],
    ],
    reactions: [[2, "daan", "thanks"]],
  },
  {
    key: "vrienden-1",
    group: "professionele-vrienden",
    author: "anna",
    title: "Welkom in de kring van professionele vrienden",
    body: "Hier delen we opdrachten waar je op kunt meelopen en ervaringen met het combineren van baan en eigen werk. Geen afdrachten, wel afspraken.",
    principles: ["verbindingen"],
    tags: ["Opdrachten"],
    replies: [["eva", "Fijn dat deze kring er is. Ik zoek iemand om mee te lopen bij een opdracht voor een gemeente."]],
    reactions: [[1, "bram", "heart"], [2, "anna", "agree"]],
  },
];

interface DemoEvent {
  group: string | null;
  author: string;
  title: string;
  description: string;
  /** Days from today (negative: in the past), and the wall-clock times in Amsterdam. */
  inDays: number;
  from: string;
  to: string;
  placeName: string;
  placeAddress: string;
  onlineUrl?: string;
  capacity: number | null;
  principles: string[];
  going: string[];
  maybe?: string[];
  waitlist?: string[];
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    group: "goed-werk-in-de-praktijk",
    author: "bram",
    title: "Kringavond: goed werk in de zorg",
    description: "We bespreken twee casussen uit de zorg en het wijkteam. Neem gerust een collega mee die nieuwsgierig is naar het netwerk.\n\n- 19:30 inloop met koffie\n- 19:45 casussen in kleine groepjes\n- 21:00 wat nemen we mee?",
    inDays: 10,
    from: "19:30",
    to: "21:30",
    placeName: "Stadsbibliotheek, zaal 2",
    placeAddress: "Neude 11, Utrecht",
    capacity: 12,
    principles: ["goed-werk", "positief-mensbeeld"],
    going: ["bram", "carmen"],
    maybe: ["daan"],
  },
  {
    group: "goed-werk-in-de-praktijk",
    author: "bram",
    title: "Wandelgesprek over vakmanschap",
    description: "Een ochtend lopen en praten in kleine kring. Vol is vol: er kunnen maar drie mensen mee, de rest staat op de wachtlijst.",
    inDays: 4,
    from: "10:00",
    to: "12:00",
    placeName: "Ingang Amelisweerd",
    placeAddress: "Koningsweg, Utrecht",
    capacity: 3,
    principles: ["leren-en-realiseren", "ecologisch-perspectief"],
    going: ["bram", "carmen", "daan"],
    waitlist: ["eva", "anna"],
  },
  {
    group: "goed-werk-in-de-praktijk",
    author: "anna",
    title: "Voorjaarsbijeenkomst: regels schrappen",
    description: "Terugblik: we deelden voorbeelden van regels die teams samen hebben geschrapt.",
    inDays: -40,
    from: "19:30",
    to: "21:30",
    placeName: "Het Nieuwe Instituut, foyer",
    placeAddress: "Museumpark 25, Rotterdam",
    capacity: null,
    principles: ["goed-werk"],
    going: ["anna", "bram", "carmen", "eva"],
  },
  {
    group: "leerkring-vakmanschap",
    author: "bram",
    title: "Leerkring: de casus van het wijkteam",
    description: "We werken de casus van Daan uit met de intervisiemethode van de kring.",
    inDays: 7,
    from: "16:00",
    to: "18:00",
    placeName: "Kantoor Visser & Co",
    placeAddress: "Oudegracht 100, Utrecht",
    capacity: 8,
    principles: ["goed-werk"],
    going: ["bram", "daan"],
  },
  {
    group: "professionele-vrienden",
    author: "anna",
    title: "Opdrachten delen (online)",
    description: "Een uur om lopende en komende opdrachten te delen. De link zie je zodra je je aanmeldt.",
    inDays: 14,
    from: "12:00",
    to: "13:00",
    placeName: "",
    placeAddress: "",
    onlineUrl: "https://meet.example.nl/goed-werk-opdrachten",
    capacity: null,
    principles: ["verbindingen"],
    going: ["anna", "eva"],
  },
  {
    group: null,
    author: "anna",
    title: "Landelijke dag van het Goed Werk Netwerk",
    description: "Een dag voor alle kringen samen: verhalen uit de praktijk, werkplaatsen per visiepunt en tijd om elkaar te ontmoeten.",
    inDays: 60,
    from: "10:00",
    to: "16:30",
    placeName: "Tivoli Vredenburg",
    placeAddress: "Vredenburgkade 11, Utrecht",
    capacity: 150,
    principles: ["goed-werk", "verbindingen", "leren-en-realiseren"],
    going: ["anna", "bram"],
  },
];

export interface SeedResult {
  created: string[];
  skipped: string[];
}

/** Fills the demo network in; running it again changes nothing. */
export async function seedDemoNetwork(db: Database): Promise<SeedResult> {
  const result: SeedResult = { created: [], skipped: [] };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const member of DEMO_MEMBERS) {
    const inserted = await db
      .insertInto("members")
      .values({
        username: member.username,
        display_name: member.display_name,
        email: member.email,
        email_verified_at: new Date(),
        password_hash: passwordHash,
        site_role: member.site_role,
        bio_markdown: member.bio,
        bio_html: renderMarkdown(member.bio),
        // Long-standing members of the network: no new-member limits.
        created_at: new Date(Date.now() - 400 * 86_400_000),
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    (inserted ? result.created : result.skipped).push(member.username);
  }
  for (const group of DEMO_GROUPS) {
    const inserted = await db
      .insertInto("groups")
      .values({
        slug: group.slug,
        name: group.name,
        description: group.description,
        about_markdown: group.about,
        about_html: renderMarkdown(group.about),
        colour: group.colour,
        visibility: group.visibility,
        listed: group.listed,
        join_policy: group.join_policy,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    // An existing circle is left exactly as its hosts made it.
    if (!inserted) continue;
    result.created.push(`g/${group.slug}`);
    for (const [username, role] of group.members) {
      const member = await db.selectFrom("members").select("id").where("username", "=", username).executeTakeFirstOrThrow();
      await db.insertInto("group_members").values({ group_id: inserted.id, member_id: member.id, role }).execute();
    }
    for (const label of DEMO_TAGS[group.slug] ?? []) {
      await db.insertInto("group_tags").values({ group_id: inserted.id, slug: slugifyTitle(label), label }).onConflict((oc) => oc.doNothing()).execute();
    }
    for (const [username, message] of group.requests ?? []) {
      const member = await db.selectFrom("members").select("id").where("username", "=", username).executeTakeFirstOrThrow();
      await db.insertInto("group_join_requests").values({ group_id: inserted.id, member_id: member.id, message }).execute();
    }
  }
  const actorFor = async (username: string): Promise<MemberActor> => {
    const m = await db.selectFrom("members").selectAll().where("username", "=", username).executeTakeFirstOrThrow();
    return {
      kind: "member",
      id: m.id,
      username: m.username,
      displayName: m.display_name,
      siteRole: m.site_role,
      emailVerified: m.email_verified_at !== null,
      locale: m.locale,
      timeZone: m.time_zone,
    };
  };
  // Fixed idempotency keys: a second run finds every post already there.
  for (const thread of DEMO_THREADS) {
    const group = await db.selectFrom("groups").select("id").where("slug", "=", thread.group).executeTakeFirst();
    if (!group) continue;
    const existed = await db.selectFrom("posts").select("id").where("idempotency_key", "=", `demo-${thread.key}-0`).executeTakeFirst();
    const started = await startThread(db, guardianFor(db, await actorFor(thread.author)), group.id, {
      title: thread.title,
      body: thread.body,
      principles: thread.principles,
      tags: (thread.tags ?? []).map(slugifyTitle),
      idempotencyKey: `demo-${thread.key}-0`,
    });
    if (!started.ok) throw new Error(`Seeding thread ${thread.key} failed: ${started.formError ?? started.status}`);
    if (!existed) result.created.push(`t/${thread.key}`);
    for (const [index, [author, body]] of thread.replies.entries()) {
      const replied = await replyToThread(db, guardianFor(db, await actorFor(author)), started.threadId, {
        // Quotes link back to the post they quote: {thread} is this thread's address.
        body: body.replaceAll("{thread}", `/t/${started.threadId}/${started.slug}`),
        idempotencyKey: `demo-${thread.key}-${index + 1}`,
      });
      if (!replied.ok) throw new Error(`Seeding a reply in ${thread.key} failed: ${replied.formError ?? replied.status}`);
    }
    for (const [number, username, kind] of thread.reactions ?? []) {
      const post = await db.selectFrom("posts").select("id").where("thread_id", "=", started.threadId).where("number", "=", number).executeTakeFirst();
      const member = await db.selectFrom("members").select("id").where("username", "=", username).executeTakeFirstOrThrow();
      if (post) await db.insertInto("post_reactions").values({ post_id: post.id, member_id: member.id, kind }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
  for (const event of DEMO_EVENTS) {
    const group = event.group ? await db.selectFrom("groups").select("id").where("slug", "=", event.group).executeTakeFirst() : null;
    if (event.group && !group) continue;
    let existing = db.selectFrom("events").select("id").where("title", "=", event.title);
    existing = group ? existing.where("group_id", "=", group.id) : existing.where("group_id", "is", null);
    if (await existing.executeTakeFirst()) continue;
    const day = instantToWallTime(new Date(Date.now() + event.inDays * 86_400_000), DEFAULT_EVENT_ZONE).slice(0, 10);
    const at = (time: string) => {
      const parsed = wallTimeToInstant(`${day}T${time}`, DEFAULT_EVENT_ZONE);
      if (!parsed.ok) throw new Error(`Demo event ${event.title}: ${day} ${time} does not exist`);
      return parsed.instant;
    };
    const created = await createEvent(db, guardianFor(db, await actorFor(event.author)), group?.id ?? null, {
      title: event.title,
      description: event.description,
      timeZone: DEFAULT_EVENT_ZONE,
      starts: "",
      ends: "",
      startsAt: at(event.from),
      endsAt: at(event.to),
      rsvpDeadline: null,
      placeName: event.placeName,
      placeAddress: event.placeAddress,
      mapUrl: null,
      onlineUrl: event.onlineUrl ?? null,
      capacity: event.capacity,
      principles: event.principles,
      overflow: "",
    });
    if (!created.ok) throw new Error(`Seeding event ${event.title} failed: ${created.formError ?? created.status}`);
    result.created.push(`e/${created.eventId}`);
    const answers: Array<[string, "going" | "maybe" | "waitlist"]> = [
      ...event.going.map((u) => [u, "going"] as [string, "going"]),
      ...(event.maybe ?? []).map((u) => [u, "maybe"] as [string, "maybe"]),
      ...(event.waitlist ?? []).map((u) => [u, "waitlist"] as [string, "waitlist"]),
    ];
    for (const [index, [username, status]] of answers.entries()) {
      const member = await db.selectFrom("members").select("id").where("username", "=", username).executeTakeFirstOrThrow();
      await db
        .insertInto("event_rsvps")
        .values({
          event_id: created.eventId,
          member_id: member.id,
          status,
          waitlisted_at: status === "waitlist" ? new Date(Date.now() - (answers.length - index) * 60_000) : null,
        })
        .execute();
    }
  }
  return result;
}

export function demoSignInsText(): string {
  const lines = DEMO_MEMBERS.slice(0, 3).map(
    (m) => `  ${m.username.padEnd(8)} ${m.email.padEnd(32)} (${m.description})`,
  );
  return `Demo sign-ins (password "${DEMO_PASSWORD}"):\n${lines.join("\n")}`;
}
