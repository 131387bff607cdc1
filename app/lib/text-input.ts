import { z } from "zod";
import type { MessageKey } from "../i18n/nl";

/*
 * The character rules for everything people type, in one place. Every text
 * field of every form schema is built from one of these three, so no field
 * can store what the others refuse. Safe to import in the browser.
 */

const msg = (key: MessageKey) => key;

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Bidirectional formatting: embeddings and overrides (U+202A–U+202E) and
 * isolates (U+2066–U+2069) reorder the text around them, so "gpj.exe" can be
 * shown as "exe.jpg"; the marks (U+200E, U+200F, U+061C) only nudge
 * neighbouring punctuation.
 */
export const BIDI_FORMATTING = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_MARKS = /[\u200e\u200f\u061c]/;

/**
 * In one line, characters that show nothing at all (zero-width space, word
 * joiner, byte-order mark, soft hyphen, invisible operators): they make two
 * names or titles look alike. The zero-width (non-)joiner stays: emoji
 * sequences and several scripts need it.
 */
const INVISIBLE = /[\u00ad\u180e\u200b\u2060-\u2064\ufeff]/;

/** In one line: every C0 control (tab and line breaks too), DEL, C1 controls and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const LINE_CONTROLS = /[\u0001-\u001f\u007f-\u009f\u2028\u2029]/;
/** In a text area: the same, except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const BLOCK_CONTROLS = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Characters no text field accepts: NUL and lone surrogates (422, the database cannot store them). */
export const storableText = () =>
  z
    .string()
    .refine((v) => !NUL.test(v), msg("validation.invalidCharacters"))
    .refine((v) => !LONE_SURROGATE.test(v), msg("validation.invalidCharacters"));

/**
 * A one-line field (titles, names, places, labels, reasons, notes): no
 * control characters and no bidirectional controls at all. Refused with a
 * field error (400) rather than silently changed, so the person sees why.
 */
export const singleLineText = () =>
  storableText().refine(
    (v) => !LINE_CONTROLS.test(v) && !BIDI_FORMATTING.test(v) && !BIDI_MARKS.test(v) && !INVISIBLE.test(v),
    msg("validation.controlCharacters"),
  );

/**
 * A text area (post bodies, descriptions, bios, messages, report texts):
 * line breaks and tabs are fine, other control characters and the
 * reordering bidi controls are refused. The bidi marks stay allowed: writers
 * of Arabic or Hebrew mixed with Latin need them, and they cannot reverse text.
 */
export const multiLineText = () =>
  storableText().refine((v) => !BLOCK_CONTROLS.test(v) && !BIDI_FORMATTING.test(v), msg("validation.controlCharacters"));

/** For passwords only: anything storable, since a password is never shown. */
export const secretText = storableText;
