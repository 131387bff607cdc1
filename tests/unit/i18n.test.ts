import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import {
  formatDateTime,
  localeFromAcceptLanguage,
  localeFromCookie,
  resolveLocale,
  translator,
} from "../../app/i18n/index";
import { nl } from "../../app/i18n/nl";

describe("catalogues", () => {
  it("have exactly the same keys in Dutch and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it("have no empty messages and the same placeholders in both languages", () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(nl[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it("fills in placeholders", () => {
    const t = translator("en");
    expect(t("site.name")).toBe("Good Work Network");
    expect(translator("nl")("site.name")).toBe("Goed Werk Netwerk");
  });
});

describe("choosing the language", () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it("is Dutch when nothing is known", () => {
    expect(resolveLocale(headers({}))).toBe("nl");
  });

  it("follows the browser's Accept-Language by quality", () => {
    expect(resolveLocale(headers({ "accept-language": "en-GB,en;q=0.9" }))).toBe("en");
    expect(resolveLocale(headers({ "accept-language": "de-DE, en;q=0.5, nl;q=0.8" }))).toBe("nl");
    expect(resolveLocale(headers({ "accept-language": "fr, de" }))).toBe("nl");
  });

  it("lets the cookie from the visible switch win over the browser", () => {
    expect(resolveLocale(headers({ cookie: "a=b; lang=en", "accept-language": "nl" }))).toBe("en");
    expect(resolveLocale(headers({ cookie: "lang=nl", "accept-language": "en" }))).toBe("nl");
  });

  it("falls back to Dutch on malformed headers and cookies", () => {
    expect(localeFromAcceptLanguage(";;;,q=,en;q=abc")).toBeNull();
    expect(localeFromAcceptLanguage("en;q=0")).toBeNull();
    expect(localeFromAcceptLanguage("x".repeat(5000))).toBeNull();
    expect(localeFromCookie("lang=klingon")).toBeNull();
    expect(localeFromCookie("lang")).toBeNull();
    expect(resolveLocale(headers({ cookie: "lang=%00", "accept-language": "*;q=2" }))).toBe("nl");
  });
});

describe("dates and times", () => {
  it("are shown in Europe/Amsterdam by default, across daylight saving", () => {
    const summer = new Date("2026-07-01T10:00:00Z");
    const winter = new Date("2026-12-01T10:00:00Z");
    const timeOnly = { timeStyle: "short" } as const;
    expect(formatDateTime(summer, "nl", undefined, timeOnly)).toBe("12:00");
    expect(formatDateTime(winter, "nl", undefined, timeOnly)).toBe("11:00");
    expect(formatDateTime(summer, "en", "Europe/London", timeOnly)).toBe("11:00");
    expect(formatDateTime(winter, "nl")).toContain("december");
    expect(formatDateTime(winter, "en")).toContain("December");
  });
});
