import type { Database } from "../../../db/index";
import type { Guardian } from "../../auth/guardian.server";
import { hashToken } from "../../auth/lucia-adapter.server";
import type { Locale } from "../../i18n/index";
import type { JobQueue } from "../../lib/jobs.server";
import { renderMarkdown } from "../../lib/markdown.server";
import { clearRateLimit, hitRateLimit } from "../../lib/rate-limit.server";
import { addressInUseEmail, changeEmailEmail, passwordChangedEmail, passwordResetEmail, resetWithoutAccountEmail, signUpAttemptEmail, verificationEmail } from "./emails";
import { hashPassword, verifyPassword } from "./passwords.server";
import { conflict, forbidden, invalid, rateLimited, type CommandResult, type Failure } from "../result";
import { normaliseUsername } from "./schema";
import { consumeAccountToken, issueAccountToken, issueResetTokenForAddress } from "./tokens.server";

const tooMany = (retryAfterSeconds: number) => rateLimited("rateLimit.tooMany", retryAfterSeconds);

function isUniqueViolation(error: unknown): error is { code: string; constraint?: string; message: string } {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** Builds absolute links for emails from the request's (or the configured) origin. */
export interface LinkContext {
  origin: string;
  locale: Locale;
}

async function findMemberByEmail(db: Database, email: string) {
  return db
    .selectFrom("members")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
}

// ——— sign up ———

const SIGN_UP_NOTICES_PER_ADDRESS = 3;

/**
 * Creates an unverified account and emails its confirmation link. An address
 * that already has an account gets the same answer (no session, "check your
 * mail"), so the form cannot be used to find out who is a member; its owner
 * is emailed instead. Usernames are public, so a taken one is said.
 */
export async function signUp(
  db: Database,
  jobs: JobQueue,
  input: { email: string; username: string; displayName: string; password: string },
  { links, clientIp }: { links: LinkContext; clientIp: string },
): Promise<CommandResult> {
  const limit = await hitRateLimit(db, `signup:ip:${clientIp}`, 10, 60 * 60);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);

  const username = normaliseUsername(input.username);
  if (await db.selectFrom("members").select("id").where("username", "=", username).executeTakeFirst()) {
    return conflict({ fieldErrors: { username: "validation.username.taken" } });
  }
  // Hashed on both paths, so a known address answers no faster than a new one.
  const passwordHash = await hashPassword(input.password);
  const existing = await findMemberByEmail(db, input.email);
  if (existing) {
    await noticeSignUpAttempt(db, jobs, existing, links);
    return { ok: true };
  }
  try {
    await db.transaction().execute(async (trx) => {
      const member = await trx
        .insertInto("members")
        .values({
          username,
          display_name: input.displayName,
          email: input.email,
          password_hash: passwordHash,
          locale: links.locale,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const token = await issueAccountToken(trx, member.id, "verify-email", input.email);
      await jobs.sendEmail(
        trx,
        verificationEmail(links.locale, input.email, input.displayName, `${links.origin}/verify-email?token=${token}`),
      );
    });
    return { ok: true };
  } catch (error) {
    // Someone took the name or address between the check and the insert.
    if (isUniqueViolation(error)) {
      const onEmail = /email/.test(error.constraint ?? error.message);
      const raced = onEmail ? await findMemberByEmail(db, input.email) : undefined;
      if (!raced) return conflict({ fieldErrors: { username: "validation.username.taken" } });
      await noticeSignUpAttempt(db, jobs, raced, links);
      return { ok: true };
    }
    throw error;
  }
}

/** Tells the owner of an address that someone tried to sign up with it (a few times an hour at most). */
async function noticeSignUpAttempt(
  db: Database,
  jobs: JobQueue,
  member: { email: string; display_name: string; locale: Locale | null },
  links: LinkContext,
) {
  const limit = await hitRateLimit(db, `signup:notice:${member.email.toLowerCase()}`, SIGN_UP_NOTICES_PER_ADDRESS, 60 * 60);
  if (!limit.allowed) return;
  await db.transaction().execute((trx) =>
    jobs.sendEmail(
      trx,
      signUpAttemptEmail(member.locale ?? links.locale, member.email, member.display_name, `${links.origin}/login`, `${links.origin}/forgot-password`),
    ),
  );
}

// ——— sign in ———

let dummyHash: Promise<string> | null = null;
/** Verifying against a throwaway hash keeps "no such account" as slow as "wrong password". */
function verifyAgainstDummy(password: string) {
  dummyHash ??= hashPassword("not-a-real-password-only-for-timing");
  return dummyHash.then((hash) => verifyPassword(hash, password));
}

const LOGIN_WINDOW = 15 * 60;
const LOGIN_FAILURES_PER_ACCOUNT = 5;
const LOGIN_ATTEMPTS_PER_IP = 30;

export async function signIn(
  db: Database,
  input: { identifier: string; password: string },
  { clientIp }: { clientIp: string },
): Promise<CommandResult<{ memberId: string }> | (Failure & { until: Date; reason: string | null })> {
  const ipLimit = await hitRateLimit(db, `login:ip:${clientIp}`, LOGIN_ATTEMPTS_PER_IP, LOGIN_WINDOW);
  if (!ipLimit.allowed) return tooMany(ipLimit.retryAfterSeconds);

  const identifier = input.identifier.includes("@")
    ? input.identifier.trim().toLowerCase()
    : normaliseUsername(input.identifier);
  const member = identifier.includes("@")
    ? await findMemberByEmail(db, identifier)
    : await db.selectFrom("members").selectAll().where("username", "=", identifier).executeTakeFirst();
  // One count per account, whether its username or its address was typed; per typed text for no account.
  const accountKey = member ? `login:member:${member.id}` : `login:account:${identifier}`;
  // Counted before the password is checked (a success clears it), so parallel guesses cannot pass the limit together.
  const accountLimit = await hitRateLimit(db, accountKey, LOGIN_FAILURES_PER_ACCOUNT, LOGIN_WINDOW);
  if (!accountLimit.allowed) return tooMany(accountLimit.retryAfterSeconds);

  const passwordOk = member
    ? await verifyPassword(member.password_hash, input.password)
    : await verifyAgainstDummy(input.password);

  if (!member || !passwordOk) {
    // The same answer whether the account exists or not.
    return invalid({ formError: "login.invalid" }, 401);
  }
  await clearRateLimit(db, accountKey);
  if (member.suspended_until && member.suspended_until > new Date()) {
    return { ...forbidden("login.suspended"), until: member.suspended_until, reason: member.suspension_reason };
  }
  return { ok: true, memberId: member.id };
}

// ——— email verification ———

export async function verifyEmail(db: Database, token: string): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const used = await consumeAccountToken(trx, token, "verify-email");
    if (!used) return invalid({ formError: "verify.invalidLink" });
    await trx
      .updateTable("members")
      .set({ email_verified_at: new Date() })
      .where("id", "=", used.member_id)
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", used.email.toLowerCase()))
      .execute();
    return { ok: true } as const;
  });
}

export async function resendVerification(
  db: Database,
  jobs: JobQueue,
  guardian: Guardian,
  links: LinkContext,
): Promise<CommandResult> {
  const { member: signedIn, failure: signedOutFailure } = guardian.memberOrFailure();
  if (signedOutFailure) return signedOutFailure;
  const memberId = signedIn.id;
  const member = await db.selectFrom("members").selectAll().where("id", "=", memberId).executeTakeFirstOrThrow();
  if (member.email_verified_at) return conflict({ formError: "verify.alreadyVerified" });
  const limit = await hitRateLimit(db, `verify-resend:${memberId}`, 3, 60 * 60);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
  await db.transaction().execute(async (trx) => {
    const token = await issueAccountToken(trx, memberId, "verify-email", member.email);
    await jobs.sendEmail(
      trx,
      verificationEmail(links.locale, member.email, member.display_name, `${links.origin}/verify-email?token=${token}`),
    );
  });
  return { ok: true };
}

// ——— password reset ———

/**
 * Always answers the same, whether or not the address belongs to someone,
 * after the same work: one statement that issues a token only when the
 * address has an account, and one queued email in the same transaction (the
 * reset link, or word that this address has no account). So neither the
 * answer nor its timing tells whether someone is a member.
 */
export async function requestPasswordReset(
  db: Database,
  jobs: JobQueue,
  email: string,
  { links, clientIp }: { links: LinkContext; clientIp: string },
): Promise<CommandResult> {
  const ipLimit = await hitRateLimit(db, `reset:ip:${clientIp}`, 10, 60 * 60);
  if (!ipLimit.allowed) return tooMany(ipLimit.retryAfterSeconds);
  const emailLimit = await hitRateLimit(db, `reset:email:${email.toLowerCase()}`, 3, 60 * 60);
  if (!emailLimit.allowed) return { ok: true };
  await db.transaction().execute(async (trx) => {
    const { token, member } = await issueResetTokenForAddress(trx, email);
    await jobs.sendEmail(
      trx,
      member
        ? passwordResetEmail(member.locale ?? links.locale, member.email, member.display_name, `${links.origin}/reset-password?token=${token}`)
        : resetWithoutAccountEmail(links.locale, email, `${links.origin}/signup`),
    );
  });
  return { ok: true };
}

export async function resetPassword(
  db: Database,
  jobs: JobQueue,
  token: string,
  newPassword: string,
  links: LinkContext,
): Promise<CommandResult> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    const used = await consumeAccountToken(trx, token, "reset-password");
    if (!used) return invalid({ formError: "reset.invalidLink" });
    const member = await trx
      .updateTable("members")
      .set({ password_hash: passwordHash })
      .where("id", "=", used.member_id)
      .returning(["email", "display_name", "locale", "email_verified_at"])
      .executeTakeFirstOrThrow();
    // The link proved the member reads this address.
    if (!member.email_verified_at) {
      await trx.updateTable("members").set({ email_verified_at: new Date() }).where("id", "=", used.member_id).execute();
    }
    await trx.deleteFrom("sessions").where("member_id", "=", used.member_id).execute();
    await jobs.sendEmail(trx, passwordChangedEmail(member.locale ?? links.locale, member.email, member.display_name));
    return { ok: true } as const;
  });
}

// ——— signed-in changes ———

async function checkCurrentPassword(db: Database, memberId: string, password: string) {
  const member = await db.selectFrom("members").selectAll().where("id", "=", memberId).executeTakeFirstOrThrow();
  return { member, ok: await verifyPassword(member.password_hash, password) };
}

/** Changes the password and ends every other session of the member. */
export async function changePassword(
  db: Database,
  jobs: JobQueue,
  guardian: Guardian,
  input: { currentPassword: string; newPassword: string },
  { currentSessionToken, links }: { currentSessionToken: string | null; links: LinkContext },
): Promise<CommandResult> {
  const { member: signedIn, failure: signedOutFailure } = guardian.memberOrFailure();
  if (signedOutFailure) return signedOutFailure;
  const memberId = signedIn.id;
  const limit = await hitRateLimit(db, `password-check:${memberId}`, 10, 15 * 60);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
  const { member, ok } = await checkCurrentPassword(db, memberId, input.currentPassword);
  if (!ok) return invalid({ fieldErrors: { currentPassword: "validation.currentPassword.wrong" } });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("members").set({ password_hash: passwordHash }).where("id", "=", memberId).execute();
    let others = trx.deleteFrom("sessions").where("member_id", "=", memberId);
    if (currentSessionToken) others = others.where("id", "!=", hashToken(currentSessionToken));
    await others.execute();
    await jobs.sendEmail(trx, passwordChangedEmail(member.locale ?? links.locale, member.email, member.display_name));
  });
  return { ok: true };
}

/** Sends a confirmation link to the new address; the address changes only when it is followed. */
export async function requestEmailChange(
  db: Database,
  jobs: JobQueue,
  guardian: Guardian,
  input: { currentPassword: string; newEmail: string },
  links: LinkContext,
): Promise<CommandResult> {
  const { member: signedIn, failure: signedOutFailure } = guardian.memberOrFailure();
  if (signedOutFailure) return signedOutFailure;
  const memberId = signedIn.id;
  const limit = await hitRateLimit(db, `password-check:${memberId}`, 10, 15 * 60);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
  const { member, ok } = await checkCurrentPassword(db, memberId, input.currentPassword);
  if (!ok) return invalid({ fieldErrors: { currentPassword: "validation.currentPassword.wrong" } });
  if (member.email.toLowerCase() === input.newEmail.toLowerCase()) {
    return invalid({ fieldErrors: { newEmail: "validation.email.same" } });
  }
  // An address that already has an account gets the same answer and the same pending change (which can
  // never be confirmed), so this form cannot test addresses either; its owner gets word instead of a link.
  const owner = await findMemberByEmail(db, input.newEmail);
  await db.transaction().execute(async (trx) => {
    const token = await issueAccountToken(trx, memberId, "change-email", input.newEmail);
    await jobs.sendEmail(
      trx,
      owner
        ? addressInUseEmail(owner.locale ?? links.locale, owner.email, owner.display_name, `${links.origin}/login`)
        : changeEmailEmail(member.locale ?? links.locale, input.newEmail, member.display_name, `${links.origin}/verify-email?change=1&token=${token}`),
    );
  });
  return { ok: true };
}

export async function confirmEmailChange(db: Database, token: string): Promise<CommandResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const used = await consumeAccountToken(trx, token, "change-email");
      if (!used) return invalid({ formError: "verify.invalidLink" });
      await trx
        .updateTable("members")
        .set({ email: used.email, email_verified_at: new Date() })
        .where("id", "=", used.member_id)
        .execute();
      return { ok: true } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return conflict({ formError: "validation.email.taken" });
    throw error;
  }
}

export async function updateProfile(
  db: Database,
  guardian: Guardian,
  input: { displayName: string; bio: string; locale: Locale; timeZone: string },
): Promise<CommandResult> {
  const { member: signedIn, failure: signedOutFailure } = guardian.memberOrFailure();
  if (signedOutFailure) return signedOutFailure;
  const memberId = signedIn.id;
  await db
    .updateTable("members")
    .set({
      display_name: input.displayName,
      bio_markdown: input.bio,
      bio_html: renderMarkdown(input.bio),
      locale: input.locale,
      time_zone: input.timeZone,
    })
    .where("id", "=", memberId)
    .execute();
  return { ok: true };
}

// ——— sessions ———

export async function endMemberSession(db: Database, guardian: Guardian, sessionId: string): Promise<CommandResult> {
  const { member: signedIn, failure: signedOutFailure } = guardian.memberOrFailure();
  if (signedOutFailure) return signedOutFailure;
  const memberId = signedIn.id;
  const deleted = await db
    .deleteFrom("sessions")
    .where("member_id", "=", memberId)
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n ? { ok: true } : conflict({ formError: "sessions.notFound" }, 404);
}

export async function endOtherSessions(db: Database, guardian: Guardian, currentSessionToken: string): Promise<CommandResult> {
  const { member: signedIn, failure: signedOutFailure } = guardian.memberOrFailure();
  if (signedOutFailure) return signedOutFailure;
  const memberId = signedIn.id;
  await db
    .deleteFrom("sessions")
    .where("member_id", "=", memberId)
    .where("id", "!=", hashToken(currentSessionToken))
    .execute();
  return { ok: true };
}

// ——— leaving ———

export async function deleteAccount(
  db: Database,
  guardian: Guardian,
  input: { currentPassword: string; posts: "keep" | "remove" },
): Promise<CommandResult> {
  const { member: signedIn, failure: signedOutFailure } = guardian.memberOrFailure();
  if (signedOutFailure) return signedOutFailure;
  const memberId = signedIn.id;
  const limit = await hitRateLimit(db, `password-check:${memberId}`, 10, 15 * 60);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
  const { ok } = await checkCurrentPassword(db, memberId, input.currentPassword);
  if (!ok) return invalid({ fieldErrors: { currentPassword: "validation.currentPassword.wrong" } });
  // Sessions, tokens, RSVPs and notifications go with the row (ON DELETE CASCADE).
  // Posts stay under "former member", or are removed with their words and history.
  await db.transaction().execute(async (trx) => {
    if (input.posts === "remove") {
      const now = new Date();
      const removed = await trx
        .updateTable("posts")
        .set({ deleted_at: now, body_markdown: "", body_html: "" })
        .where("author_id", "=", memberId)
        .returning(["id", "thread_id", "number"])
        .execute();
      if (removed.length > 0) {
        await trx.deleteFrom("post_revisions").where("post_id", "in", removed.map((p) => p.id)).execute();
        const opened = removed.filter((p) => p.number === 1).map((p) => p.thread_id);
        if (opened.length > 0) await trx.updateTable("threads").set({ deleted_at: now }).where("id", "in", opened).execute();
      }
    }
    await trx.deleteFrom("members").where("id", "=", memberId).execute();
  });
  return { ok: true };
}
