import { randomBytes } from "node:crypto";
import type { Database } from "../../../db/index";
import { hashPassword } from "./passwords.server";
import { emailSchema, usernameSchema } from "./schema";

export type MakeAdminResult =
  | { ok: true; created: false; username: string }
  | { ok: true; created: true; username: string; password: string }
  | { ok: false; error: string };

/** Promotes the member with this email to site admin, or creates one (with a printed one-time password). */
export async function makeSiteAdmin(
  db: Database,
  input: { email: string; username?: string; displayName?: string },
): Promise<MakeAdminResult> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, error: `Not a valid email address: ${input.email}` };
  const existing = await db
    .updateTable("members")
    .set({ site_role: "admin" })
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.data.toLowerCase()))
    .returning("username")
    .executeTakeFirst();
  if (existing) return { ok: true, created: false, username: existing.username };

  const username = usernameSchema.safeParse(input.username ?? email.data.split("@")[0]);
  if (!username.success) {
    return { ok: false, error: `Choose a valid username with --username (3–30 of a-z 0-9 . _ -, not reserved)` };
  }
  const taken = await db.selectFrom("members").select("id").where("username", "=", username.data).executeTakeFirst();
  if (taken) return { ok: false, error: `The username ${username.data} is taken; choose another with --username` };
  const password = randomBytes(12).toString("base64url");
  await db
    .insertInto("members")
    .values({
      username: username.data,
      display_name: input.displayName?.trim() || username.data,
      email: email.data,
      email_verified_at: new Date(),
      password_hash: await hashPassword(password),
      site_role: "admin",
    })
    .execute();
  return { ok: true, created: true, username: username.data, password };
}
