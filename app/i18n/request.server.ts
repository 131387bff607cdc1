import type { Actor } from "../auth/policy";
import { DEFAULT_LOCALE, localeFromAcceptLanguage, localeFromCookie, type Locale } from "./index";

/** The visible switch (cookie) first, then the member's profile, then the browser, then Dutch. */
export function requestLocale(request: Request, actor: Actor): Locale {
  return (
    localeFromCookie(request.headers.get("cookie")) ??
    (actor.kind === "member" ? actor.locale : null) ??
    localeFromAcceptLanguage(request.headers.get("accept-language")) ??
    DEFAULT_LOCALE
  );
}
