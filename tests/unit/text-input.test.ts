import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as accounts from "../../app/domain/accounts/schema";
import * as events from "../../app/domain/events/schema";
import * as groups from "../../app/domain/groups/schema";
import * as principles from "../../app/domain/principles/schema";
import * as threads from "../../app/domain/threads/schema";
import * as reports from "../../app/domain/moderation/reports.server";
import * as suspensions from "../../app/domain/moderation/suspensions.server";
import { multiLineText, singleLineText } from "../../app/lib/text-input";

/** A valid input for every form schema and field schema the domains export. */
const SAMPLES: Record<string, unknown> = {
  "accounts.usernameSchema": "henk",
  "accounts.emailSchema": "henk@example.nl",
  "accounts.passwordSchema": "een lange goede zin",
  "accounts.displayNameSchema": "Henk de Vries",
  "accounts.signUpSchema": { email: "henk@example.nl", username: "henk", displayName: "Henk", password: "een lange goede zin" },
  "accounts.signInSchema": { identifier: "henk", password: "geheim" },
  "accounts.forgotPasswordSchema": { email: "henk@example.nl" },
  "accounts.resetPasswordSchema": { token: "abcdefghijklmnop", password: "een lange goede zin" },
  "accounts.changePasswordSchema": { currentPassword: "oud", newPassword: "een lange goede zin" },
  "accounts.changeEmailSchema": { currentPassword: "oud", newEmail: "nieuw@example.nl" },
  "accounts.profileSchema": { displayName: "Henk", bio: "Over mij\nTweede regel", locale: "nl", timeZone: "Europe/Amsterdam" },
  "accounts.deleteAccountSchema": { currentPassword: "oud", posts: "keep" },
  "threads.postBodySchema": "Een bericht\n\nmet alinea's",
  "threads.idempotencyKeySchema": "abcdefgh12",
  "threads.newThreadSchema": { title: "Een titel", body: "Tekst", principles: [], tags: [], idempotencyKey: "abcdefgh12" },
  "threads.hideSchema": { postId: "12", reason: "Persoonlijk" },
  "threads.groupTagSchema": { label: "Mantelzorg" },
  "threads.replySchema": { body: "Tekst", idempotencyKey: "abcdefgh12" },
  "threads.reactionSchema": { postId: "12", kind: "agree" },
  "groups.groupSlugSchema": "een-kring",
  "groups.groupSettingsSchema": { name: "Een kring", description: "Kort", about: "Lang\nverhaal", colour: "green", visibility: "public", listed: "listed", joinPolicy: "open" },
  "groups.createGroupSchema": {
    name: "Een kring",
    description: "Kort",
    about: "Lang",
    colour: "green",
    visibility: "public",
    listed: "listed",
    joinPolicy: "open",
    slug: "een-kring",
    owner: "@bram",
  },
  "groups.joinRequestSchema": { message: "Graag\nmet jullie mee" },
  "groups.inviteSchema": { email: "henk@example.nl" },
  "groups.reasonSchema": "Omdat het moet",
  "groups.groupRoleSchema": "moderator",
  "events.eventSchema": {
    title: "Bijeenkomst",
    description: "Wat we doen\nen waarom",
    timeZone: "Europe/Amsterdam",
    starts: "2030-03-14T19:30",
    ends: "2030-03-14T21:30",
    rsvpDeadline: "2030-03-13T12:00",
    placeName: "Het Huis",
    placeAddress: "Straat 1, Utrecht",
    mapUrl: "https://example.nl/kaart",
    onlineUrl: "https://example.nl/online",
    capacity: "20",
    principles: [],
    overflow: "",
  },
  "events.rsvpSchema": { status: "going", note: "Ik neem koffie mee" },
  "events.cancelSchema": { reason: "Ziek" },
  "principles.slugSchema": "goed-werk",
  "reports.reportSchema": { postId: "12", reason: "other", text: "Dit klopt niet\nzie hierboven" },
  "reports.eventReportSchema": { reason: "other", text: "Dit klopt niet" },
  "reports.eventDecisionSchema": { eventId: "3", decision: "agree", reason: "Terecht" },
  "reports.decisionSchema": { postId: "12", decision: "agree", reason: "Terecht", sanction: "none" },
  "suspensions.suspensionSchema": { memberId: "00000000-0000-4000-8000-000000000000", days: "7", reason: "Spam" },
};

const MODULES = { accounts, events, groups, principles, threads, reports, suspensions };

/** Free text that people type: refused with the translated control-character message. */
const FREE_TEXT = new Set([
  "accounts.emailSchema", "accounts.displayNameSchema", "accounts.signUpSchema.email", "accounts.signUpSchema.displayName",
  "accounts.signInSchema.identifier", "accounts.forgotPasswordSchema.email", "accounts.changeEmailSchema.newEmail",
  "accounts.profileSchema.displayName", "accounts.profileSchema.bio", "threads.postBodySchema", "threads.newThreadSchema.title",
  "threads.newThreadSchema.body", "threads.hideSchema.reason", "threads.groupTagSchema.label", "threads.replySchema.body",
  "groups.groupSettingsSchema.name", "groups.groupSettingsSchema.description", "groups.groupSettingsSchema.about",
  "groups.createGroupSchema.name", "groups.createGroupSchema.description", "groups.createGroupSchema.about",
  "groups.createGroupSchema.owner", "groups.joinRequestSchema.message", "groups.inviteSchema.email", "groups.reasonSchema",
  "events.eventSchema.title", "events.eventSchema.description", "events.eventSchema.placeName", "events.eventSchema.placeAddress",
  "events.rsvpSchema.note", "events.cancelSchema.reason", "reports.reportSchema.text", "reports.eventReportSchema.text",
  "reports.eventDecisionSchema.reason", "reports.decisionSchema.reason", "suspensions.suspensionSchema.reason",
]);
/** Text areas: line breaks and the bidi marks are fine there. */
const MULTI_LINE = new Set([
  "accounts.profileSchema.bio", "threads.postBodySchema", "threads.newThreadSchema.body", "threads.replySchema.body",
  "groups.groupSettingsSchema.about", "groups.createGroupSchema.about", "groups.joinRequestSchema.message",
  "events.eventSchema.description", "reports.reportSchema.text", "reports.eventReportSchema.text",
]);
/** Never shown, so any storable character may be in them. */
const SECRETS = /password/i;

const schemas = Object.entries(MODULES).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => value instanceof z.ZodType)
    .map(([name, schema]) => [`${module}.${name}`, schema as z.ZodTypeAny] as const),
);

/** Every string field of a sample (or the sample itself), with the key under which a refusal is reported. */
function textFields(name: string, sample: unknown): Array<{ id: string; key: string | null; value: string }> {
  if (typeof sample === "string") return SECRETS.test(name) ? [] : [{ id: name, key: null, value: sample }];
  return Object.entries(sample as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && !SECRETS.test(entry[0]))
    .map(([key, value]) => ({ id: `${name}.${key}`, key, value }));
}

const withField = (sample: unknown, key: string | null, value: string) =>
  key === null ? value : { ...(sample as Record<string, unknown>), [key]: value };

const messagesFor = (result: z.SafeParseReturnType<unknown, unknown>, key: string | null) =>
  result.success ? [] : result.error.issues.filter((i) => key === null || i.path[0] === key).map((i) => i.message);

const BIDI_FORMATTING = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];
const BIDI_MARKS = ["\u200e", "\u200f", "\u061c"];
const LINE_BREAKING = ["\n", "\r", "\t", "\u2028", "\u2029", "\u0085"];
const OTHER_CONTROLS = ["\u0001", "\u0007", "\u001b", "\u007f", "\u009b"];
const INVISIBLE = ["\u200b", "\ufeff", "\u00ad", "\u2060"];

describe("the character rule of every text field", () => {
  it("has a sample for every schema the domains export, and every sample is valid", () => {
    expect(schemas.map(([name]) => name).sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const [name, schema] of schemas) {
      const result = schema.safeParse(SAMPLES[name]);
      expect(result.success, `${name}: ${result.success ? "" : JSON.stringify(result.error.issues)}`).toBe(true);
    }
  });

  it("refuses bidi embeddings, overrides and isolates and other control characters in every field, with the translated message in free text", () => {
    for (const [name, schema] of schemas) {
      for (const { id, key, value } of textFields(name, SAMPLES[name])) {
        const refused = [...BIDI_FORMATTING, ...OTHER_CONTROLS, ...(MULTI_LINE.has(id) ? [] : [...BIDI_MARKS, ...LINE_BREAKING, ...INVISIBLE])];
        for (const character of refused) {
          const typed = `${value.slice(0, 1)}${character}${value.slice(1)}`;
          const messages = messagesFor(schema.safeParse(withField(SAMPLES[name], key, typed)), key);
          const label = `${id} with U+${character.codePointAt(0)!.toString(16).padStart(4, "0")}`;
          expect(messages.length, label).toBeGreaterThan(0);
          if (FREE_TEXT.has(id)) expect(messages[0], label).toBe("validation.controlCharacters");
        }
      }
    }
  });

  it("lists as free text only fields that exist", () => {
    const ids = new Set(schemas.flatMap(([name]) => textFields(name, SAMPLES[name]).map((f) => f.id)));
    for (const id of [...FREE_TEXT, ...MULTI_LINE]) expect(ids.has(id), id).toBe(true);
  });

  it("keeps line breaks, tabs and the bidi marks in text areas, where mixed-direction writing needs them", () => {
    const text = "שלום\u200f (Hebrew) and English\n\tindented\r\nمرحبا\u061c";
    expect(multiLineText().safeParse(text).success).toBe(true);
    expect(singleLineText().safeParse("Café «Ελληνικά» 日本 😀").success).toBe(true);
  });

  it("answers NUL and lone surrogates as unstorable (422), apart from control characters (400)", () => {
    for (const schema of [singleLineText(), multiLineText()]) {
      for (const bad of ["a\u0000b", "a\ud800b"]) {
        expect(messagesFor(schema.safeParse(bad), null)).toContain("validation.invalidCharacters");
        expect(messagesFor(schema.safeParse(bad), null)).not.toContain("validation.controlCharacters");
      }
    }
  });
});
