import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../../db/index";
import type { Locale } from "../../i18n/index";
import { hashToken } from "../../auth/lucia-adapter.server";

export type TokenPurpose = "verify-email" | "reset-password" | "change-email";

const LIFETIME_MS: Record<TokenPurpose, number> = {
  "verify-email": 24 * 60 * 60 * 1000,
  "change-email": 24 * 60 * 60 * 1000,
  "reset-password": 60 * 60 * 1000,
};

/** A 256-bit single-use token for an emailed link; only its hash is stored. Earlier ones of the same purpose stop working. */
export async function issueAccountToken(
  db: Database,
  memberId: string,
  purpose: TokenPurpose,
  email: string,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .updateTable("account_tokens")
    .set({ used_at: new Date() })
    .where("member_id", "=", memberId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("account_tokens")
    .values({
      id: hashToken(token),
      member_id: memberId,
      purpose,
      email,
      expires_at: new Date(Date.now() + LIFETIME_MS[purpose]),
    })
    .execute();
  return token;
}

/** Marks the token used and returns it, if it is valid for this purpose; else null. */
export async function consumeAccountToken(db: Database, token: string, purpose: TokenPurpose) {
  return (
    (await db
      .updateTable("account_tokens")
      .set({ used_at: new Date() })
      .where("id", "=", hashToken(token))
      .where("purpose", "=", purpose)
      .where("used_at", "is", null)
      .where("expires_at", ">", new Date())
      .returning(["member_id", "email"])
      .executeTakeFirst()) ?? null
  );
}

/** Whether a token would be accepted now, without using it (for showing the form). */
export async function isAccountTokenValid(db: Database, token: string, purpose: TokenPurpose): Promise<boolean> {
  const row = await db
    .selectFrom("account_tokens")
    .select("id")
    .where("id", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A reset token for whoever owns this address, in one statement that runs
 * the same whether or not anyone does: earlier reset links stop working and
 * the new one is stored only when there is an account. Returns the token and
 * the account (or none).
 */
export async function issueResetTokenForAddress(db: Database, email: string) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LIFETIME_MS["reset-password"]);
  const result = await sql<{ id: string; email: string; display_name: string; locale: Locale | null }>`
    with member as (
      select id, email, display_name, locale from members where lower(email) = ${email.toLowerCase()} limit 1
    ), retired as (
      update account_tokens set used_at = now()
      where member_id in (select id from member) and purpose = 'reset-password' and used_at is null
    ), issued as (
      insert into account_tokens (id, member_id, purpose, email, expires_at)
      select ${hashToken(token)}, id, 'reset-password', email, ${expiresAt} from member
    )
    select id, email, display_name, locale from member`.execute(db);
  return { token, member: result.rows[0] ?? null };
}
