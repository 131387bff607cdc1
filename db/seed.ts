import { hashPassword } from "../app/domain/accounts/passwords.server";
import { renderMarkdown } from "../app/lib/markdown.server";
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
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    (inserted ? result.created : result.skipped).push(member.username);
  }
  return result;
}

export function demoSignInsText(): string {
  const lines = DEMO_MEMBERS.slice(0, 3).map(
    (m) => `  ${m.username.padEnd(8)} ${m.email.padEnd(32)} (${m.description})`,
  );
  return `Demo sign-ins (password "${DEMO_PASSWORD}"):\n${lines.join("\n")}`;
}
