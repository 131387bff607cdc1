import { randomBytes } from "node:crypto";
import type { Database } from "../../../db/index";
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
