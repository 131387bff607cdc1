import { z } from "zod";
import type { MessageKey } from "../../i18n/nl";
import { multiLineText, singleLineText } from "../../lib/text-input";

const msg = (key: MessageKey) => key;

export const POSTS_PER_PAGE = 25;

/** The stable address of a post: its thread, the page it is on, its anchor. */
export function postPath(threadId: number | string, slug: string, number: number): string {
  const page = Math.ceil(number / POSTS_PER_PAGE);
  return `/t/${threadId}/${slug}${page > 1 ? `?page=${page}` : ""}#post-${number}`;
}
export const MAX_TAGS = 5;

export const postBodySchema = multiLineText().pipe(
  z
    .string()
    .refine((v) => v.trim().length > 0, msg("validation.post.empty"))
    .refine((v) => v.length <= 32000, msg("validation.post.length")),
);

/** Sent with every post form; a second submit of the same form is recognised by it. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, msg("error.badRequest.text"));

export const newThreadSchema = z.object({
  title: singleLineText()
    .transform((v) => v.trim())
    .pipe(z.string().min(3, msg("validation.title.length")).max(200, msg("validation.title.length"))),
  body: postBodySchema,
  principles: z.array(z.string().regex(/^[a-z0-9-]{1,64}$/)).max(MAX_TAGS, msg("validation.tags.tooMany")),
  tags: z.array(z.string().regex(/^[a-z0-9-]{1,64}$/)).max(MAX_TAGS, msg("validation.tags.tooMany")),
  idempotencyKey: idempotencyKeySchema,
});

export const hideSchema = z.object({
  postId: z.string().regex(/^[1-9][0-9]{0,15}$/, msg("error.badRequest.text")).transform(Number),
  reason: singleLineText()
    .transform((v) => v.trim())
    .pipe(z.string().min(1, msg("validation.reason.required")).max(500, msg("validation.reason.length"))),
});

export const groupTagSchema = z.object({
  label: singleLineText().transform((v) => v.trim().replace(/\s+/g, " ")).pipe(z.string().min(2, msg("validation.tag.length")).max(40, msg("validation.tag.length"))),
});

/** Theme tag checkboxes are named `tag-<slug>`. */
export function chosenThemeTags(values: Record<string, string>): string[] {
  return Object.keys(values)
    .filter((key) => key.startsWith("tag-") && values[key] === "on")
    .map((key) => key.slice("tag-".length));
}

export const replySchema = z.object({
  body: postBodySchema,
  idempotencyKey: idempotencyKeySchema,
});

/** Readable URL part from a title: "Wat is goed werk?" → "wat-is-goed-werk". */
export function slugifyTitle(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  // "/t/:id/edit" is the title and tags form, so no thread may take that slug.
  if (slug === "edit") return "edit-onderwerp";
  return slug || "onderwerp";
}

/** Principle checkboxes are named `principle-<slug>`; returns the chosen slugs. */
export function chosenPrinciples(values: Record<string, string>): string[] {
  return Object.keys(values)
    .filter((key) => key.startsWith("principle-") && values[key] === "on")
    .map((key) => key.slice("principle-".length));
}

export const REACTION_KINDS = ["agree", "heart", "insight", "thanks"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const reactionSchema = z.object({
  postId: z.string().regex(/^[1-9][0-9]{0,15}$/).transform(Number),
  kind: z.enum(REACTION_KINDS),
});
