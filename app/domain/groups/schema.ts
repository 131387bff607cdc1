import { z } from "zod";
import type { MessageKey } from "../../i18n/nl";
import { multiLineText, singleLineText } from "../../lib/text-input";
import { emailSchema } from "../accounts/schema";

const msg = (key: MessageKey) => key;

export const GROUP_COLOURS = ["green", "blue", "orange", "purple", "teal", "red", "olive", "brown"] as const;
export const RESERVED_GROUP_SLUGS = new Set(["new", "feed.xml", "settings", "admin"]);

export const groupSlugSchema = singleLineText()
  .transform((v) => v.trim())
  .pipe(
    z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, msg("validation.slug.format"))
      .refine((v) => !RESERVED_GROUP_SLUGS.has(v), msg("validation.slug.reserved")),
  );

const groupFields = {
  name: singleLineText().transform((v) => v.trim()).pipe(z.string().min(3, msg("validation.groupName.length")).max(80, msg("validation.groupName.length"))),
  description: singleLineText().transform((v) => v.trim()).pipe(z.string().max(300, msg("validation.description.length"))),
  about: multiLineText().pipe(z.string().max(20000, msg("validation.about.length"))),
  colour: z.enum(GROUP_COLOURS, { errorMap: () => ({ message: msg("validation.required") }) }),
  visibility: z.enum(["public", "private"], { errorMap: () => ({ message: msg("validation.required") }) }),
  listed: z
    .enum(["listed", "unlisted"], { errorMap: () => ({ message: msg("validation.required") }) })
    .transform((v) => v === "listed"),
  joinPolicy: z.enum(["open", "request", "invite"], { errorMap: () => ({ message: msg("validation.required") }) }),
};

export const groupSettingsSchema = z.object(groupFields);

export const createGroupSchema = z.object({
  ...groupFields,
  slug: groupSlugSchema,
  owner: singleLineText().transform((v) => v.trim().replace(/^@/, "").toLowerCase()).pipe(z.string().min(1, msg("validation.required"))),
});

export const joinRequestSchema = z.object({
  message: multiLineText().transform((v) => v.trim()).pipe(z.string().max(500, msg("validation.joinMessage.length"))),
});

export const inviteSchema = z.object({ email: emailSchema });

export const reasonSchema = singleLineText().transform((v) => v.trim()).pipe(z.string().max(500, msg("validation.reason.length")));

/** A role a host may give a member of the circle. */
export const groupRoleSchema = z.enum(["owner", "moderator", "member"]);
