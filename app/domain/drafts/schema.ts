import { z } from "zod";
import type { MessageKey } from "../../i18n/nl";
import { storableText } from "../../lib/text-input";

const msg = (key: MessageKey) => key;

/** How many drafts a member keeps at once; one more is refused (never an older one silently dropped). */
export const MAX_DRAFTS = 50;
/** The same limits as posting: a draft holds what could be posted. */
export const MAX_DRAFT_BODY = 32_000;
export const MAX_DRAFT_TITLE = 200;
/** How long after the last keystroke the composer saves by itself. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * A draft keeps what was typed as typed: only characters the database cannot
 * store (422) and text over the posting limits (400) are refused; the rest is
 * checked when it is posted.
 */
export const draftSchema = z.object({
  body: storableText().pipe(z.string().max(MAX_DRAFT_BODY, msg("validation.post.length"))),
  title: storableText().pipe(z.string().max(MAX_DRAFT_TITLE, msg("validation.title.length"))),
});

/** The new-thread form's label checkboxes (`principle-…`, `tag-…`) that are ticked. */
export function chosenLabelFields(values: Record<string, string>): string[] {
  return Object.keys(values)
    .filter((key) => /^(principle|tag)-[a-z0-9-]{1,64}$/.test(key) && values[key] === "on")
    .slice(0, 40);
}

/** The reply box's text after quoting: what was typed, a blank line, the quote. */
export function withQuote(typed: string, quote: string): string {
  const before = typed.replace(/\s+$/, "");
  return before ? `${before}\n\n${quote}` : quote;
}
