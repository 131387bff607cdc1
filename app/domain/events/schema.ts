import { z } from "zod";
import type { MessageKey } from "../../i18n/nl";
import { isTimeZone, wallTimeToInstant } from "../../lib/time-zones";
import { multiLineText, singleLineText } from "../../lib/text-input";
import { MAX_TAGS } from "../threads/schema";

const msg = (key: MessageKey) => key;

/** Optional text fields: a field left out of the form counts as empty. */
const absentAsEmpty = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => v ?? "", schema);

const trimmed = (max: number, key: MessageKey) => absentAsEmpty(singleLineText().transform((v) => v.trim()).pipe(z.string().max(max, msg(key))));

/** An optional http(s) address: anything else (javascript:, data:, plain words) is refused. */
const optionalWebAddress = (key: MessageKey) =>
  absentAsEmpty(singleLineText()
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .max(2000, msg(key))
        .refine((v) => {
          if (v === "") return true;
          try {
            const url = new URL(v);
            return url.protocol === "http:" || url.protocol === "https:";
          } catch {
            return false;
          }
        }, msg(key)),
    )
    .transform((v) => (v === "" ? null : v)));

export const MAX_CAPACITY = 100_000;

/**
 * The event form. Times arrive as wall-clock times ("2026-03-14T19:30") in
 * the chosen zone and leave as instants; a time that does not exist in that
 * zone (the hour skipped in March) is refused, as are an end before the
 * start and a deadline after it.
 */
export const eventSchema = z
  .object({
    title: singleLineText().transform((v) => v.trim()).pipe(z.string().min(3, msg("validation.title.length")).max(200, msg("validation.title.length"))),
    description: absentAsEmpty(multiLineText().pipe(z.string().max(32000, msg("validation.post.length")))),
    timeZone: singleLineText().refine(isTimeZone, msg("validation.event.zone")),
    starts: z.string(),
    ends: z.string(),
    rsvpDeadline: z.string().optional().default(""),
    placeName: trimmed(200, "validation.event.placeLength"),
    placeAddress: trimmed(300, "validation.event.placeLength"),
    mapUrl: optionalWebAddress("validation.event.mapUrl"),
    onlineUrl: optionalWebAddress("validation.event.onlineUrl"),
    capacity: z
      .string()
      .optional()
      .default("")
      .transform((raw, ctx) => {
        const value = raw.trim();
        if (value === "") return null;
        const number = /^-?[0-9]{1,12}$/.test(value) ? Number(value) : NaN;
        if (!Number.isInteger(number) || number < 1 || number > MAX_CAPACITY) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: msg("validation.event.capacity") });
          return z.NEVER;
        }
        return number;
      }),
    principles: z.array(z.string().regex(/^[a-z0-9-]{1,64}$/)).max(MAX_TAGS, msg("validation.tags.tooMany")),
    overflow: z.enum(["", "waitlist"]).optional().default(""),
  })
  .transform((input, ctx) => {
    const at = (field: "starts" | "ends" | "rsvpDeadline", wall: string) => {
      const result = wallTimeToInstant(wall, input.timeZone);
      if (result.ok) return result.instant;
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [field],
        message: msg(result.reason === "nonexistent" ? "validation.event.nonexistentTime" : "validation.event.time"),
      });
      return null;
    };
    const startsAt = at("starts", input.starts);
    const endsAt = at("ends", input.ends);
    const rsvpDeadline = input.rsvpDeadline ? at("rsvpDeadline", input.rsvpDeadline) : null;
    if (startsAt && endsAt && endsAt <= startsAt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["ends"], message: msg("validation.event.endBeforeStart") });
    }
    if (startsAt && rsvpDeadline && rsvpDeadline > startsAt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["rsvpDeadline"], message: msg("validation.event.deadlineAfterStart") });
    }
    if (!input.placeName && !input.placeAddress && !input.onlineUrl) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["placeName"], message: msg("validation.event.where") });
    }
    return { ...input, startsAt: startsAt ?? new Date(0), endsAt: endsAt ?? new Date(0), rsvpDeadline };
  });

export type EventInput = z.infer<typeof eventSchema>;

export const RSVP_CHOICES = ["going", "maybe", "not_going"] as const;
export const rsvpSchema = z.object({
  status: z.enum(RSVP_CHOICES, { errorMap: () => ({ message: msg("validation.required") }) }),
  note: trimmed(200, "validation.rsvp.note"),
});

export const cancelSchema = z.object({
  reason: singleLineText().transform((v) => v.trim()).pipe(z.string().min(1, msg("validation.reason.required")).max(500, msg("validation.reason.length"))),
});
