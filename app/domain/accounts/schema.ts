import type { FieldErrors } from "../result";
import { z } from "zod";
import type { MessageKey } from "../../i18n/nl";
import { multiLineText, secretText, singleLineText } from "../../lib/text-input";
import { isCommonPassword } from "./common-passwords";

/**
 * Form schemas for accounts. Error messages are catalogue keys, translated
 * where the form is shown. Safe to import in the browser.
 */
const msg = (key: MessageKey) => key;

export const RESERVED_USERNAMES = new Set([
  "admin", "administrator", "moderator", "mod", "support", "help", "root", "system", "staff",
  "team", "info", "contact", "security", "abuse", "postmaster", "webmaster", "noreply", "no-reply",
  "forum", "goedwerk", "goodwork", "beheer", "beheerder", "api", "www", "mail", "dev", "settings",
  "login", "logout", "signup", "new", "me", "null", "undefined", "anonymous", "former-member",
]);

// Names are shown everywhere: zero-width and other invisible characters are refused too.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/** NFKC, lower case; then only a–z 0–9 . _ - (so look-alike letters from other scripts are refused). */
export function normaliseUsername(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}

export const usernameSchema = singleLineText()
  .refine((v) => !INVISIBLE.test(v), msg("validation.username.characters"))
  .transform(normaliseUsername)
  .pipe(
    z
      .string()
      .min(3, msg("validation.username.length"))
      .max(30, msg("validation.username.length"))
      .regex(/^[a-z0-9_.-]+$/, msg("validation.username.characters"))
      .refine((v) => !RESERVED_USERNAMES.has(v), msg("validation.username.reserved")),
  );

export const emailSchema = singleLineText()
  .transform((v) => v.trim())
  .pipe(z.string().min(3, msg("validation.email.invalid")).max(254, msg("validation.email.invalid")).email(msg("validation.email.invalid")));

export const passwordSchema = secretText()
  .pipe(z.string().min(8, msg("validation.password.length")).max(256, msg("validation.password.length")))
  .refine((v) => !isCommonPassword(v), msg("validation.password.common"));

export const displayNameSchema = singleLineText()
  .transform((v) => v.normalize("NFC").trim())
  .pipe(z.string().min(1, msg("validation.displayName.length")).max(80, msg("validation.displayName.length")))
  .refine((v) => !INVISIBLE.test(v), msg("validation.invalidCharacters"));

export const signUpSchema = z.object({
  email: emailSchema,
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});

export const signInSchema = z.object({
  identifier: singleLineText().transform((v) => v.trim()).pipe(z.string().min(1, msg("validation.required")).max(254, msg("validation.required"))),
  // Not checked against the rules here: an old password must still be able to sign in.
  password: secretText().pipe(z.string().min(1, msg("validation.required")).max(256, msg("validation.password.length"))),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{10,200}$/),
  password: passwordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, msg("validation.required")).max(256),
  newPassword: passwordSchema,
});

export const changeEmailSchema = z.object({
  currentPassword: z.string().min(1, msg("validation.required")).max(256),
  newEmail: emailSchema,
});

export const TIME_ZONES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Europe/Amsterdam", "UTC"];

export const profileSchema = z.object({
  displayName: displayNameSchema,
  bio: multiLineText().pipe(z.string().max(2000, msg("validation.bio.length"))),
  locale: z.enum(["nl", "en"], { errorMap: () => ({ message: msg("validation.required") }) }),
  timeZone: singleLineText().refine((v) => v === "UTC" || TIME_ZONES.includes(v), msg("validation.timeZone")),
});

export const deleteAccountSchema = z.object({
  currentPassword: z.string().min(1, msg("validation.required")).max(256),
  posts: z.enum(["keep", "remove"], { errorMap: () => ({ message: msg("validation.required") }) }),
});


/** The first error per field, as catalogue keys. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!errors[field]) errors[field] = issue.message as MessageKey;
  }
  return errors;
}
