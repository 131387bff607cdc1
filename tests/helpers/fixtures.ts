import type { Database } from "../../db/index";
import { hashPassword } from "../../app/domain/accounts/passwords.server";

export const FIXTURE_PASSWORD = "een lange goede zin";
let passwordHash: Promise<string> | null = null;

/** A member with a confirmed address (or not), straight into the database. */
export async function createMember(db: Database, username: string, { verified = true, admin = false } = {}) {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  return db
    .insertInto("members")
    .values({
      username,
      display_name: `Test ${username}`,
      email: `${username}@example.nl`,
      email_verified_at: verified ? new Date() : null,
      password_hash: await passwordHash,
      site_role: admin ? "admin" : "member",
    })
    .returning(["id", "username", "email"])
    .executeTakeFirstOrThrow();
}
