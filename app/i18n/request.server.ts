import { profileLocale, type Actor } from "../auth/policy";
import { DEFAULT_LOCALE, localeFromAcceptLanguage, localeFromCookie, type Locale } from "./index";

/** The visible switch (cookie) first, then the member's profile, then the browser, then Dutch. */
export function requestLocale(request: Request, actor: Actor): Locale {
  return (
    localeFromCookie(request.headers.get("cookie")) ??
    profileLocale(actor) ??
    localeFromAcceptLanguage(request.headers.get("accept-language")) ??
    DEFAULT_LOCALE
  );
}
