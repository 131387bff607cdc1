import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useRequestContext } from "../lib/request-context";
import { isLocale, translator, type Locale, type Translate } from "./index";

/** The page's language: the root loader's answer, else the request's. */
export function useLocale(): Locale {
  const rootData = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  const { locale } = useRequestContext();
  return isLocale(rootData?.locale) ? rootData.locale : locale;
}

export function useTranslate(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
