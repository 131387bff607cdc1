import { en } from "./en";
import { nl, type MessageKey } from "./nl";

export type { MessageKey } from "./nl";
export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";
export const LOCALE_COOKIE = "lang";
export const DEFAULT_TIME_ZONE = "Europe/Amsterdam";

export const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, values) => {
    const message = messages[key];
    if (!values) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}

/** Reads the language cookie from a Cookie header; anything odd counts as absent. */
export function localeFromCookie(cookieHeader: string | null | undefined): Locale | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== LOCALE_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (isLocale(value)) return value;
  }
  return null;
}

/**
 * Picks nl or en from an Accept-Language header by quality. Malformed parts
 * are ignored; nothing usable means null (the caller falls back to Dutch).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header || header.length > 1000) return null;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.split(",")) {
    const [rangeRaw, ...params] = part.trim().split(";");
    const range = rangeRaw?.trim().toLowerCase() ?? "";
    if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(range)) continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/.exec(param);
      if (match) q = Number(match[1]);
      else valid = false;
    }
    if (!valid) continue;
    if (!(q > 0) || q > 1) continue;
    const primary = range.split("-")[0];
    if (!isLocale(primary)) continue;
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best?.locale ?? null;
}

/** The cookie (the visible switch) wins, then the browser's preference, then Dutch. */
export function resolveLocale(headers: Headers): Locale {
  return (
    localeFromCookie(headers.get("cookie")) ??
    localeFromAcceptLanguage(headers.get("accept-language")) ??
    DEFAULT_LOCALE
  );
}

// Building an Intl.DateTimeFormat costs far more than using one: keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(
  date: Date,
  locale: Locale,
  timeZone: string = DEFAULT_TIME_ZONE,
  options: Intl.DateTimeFormatOptions = { dateStyle: "long", timeStyle: "short" },
): string {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { ...options, timeZone });
    if (formatters.size < 500) formatters.set(key, formatter);
  }
  return formatter.format(date);
}
