import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_LOCALE, type Locale } from "../i18n/index";

interface RequestContextValue {
  nonce: string;
  locale: Locale;
}

const RequestContext = createContext<RequestContextValue>({ nonce: "", locale: DEFAULT_LOCALE });

/**
 * Set by entry.server (and entry.client from the rendered <html>), so that the
 * document shell and error pages have a nonce and a language even when the
 * root loader did not run.
 */
export function RequestContextProvider(props: RequestContextValue & { children: ReactNode }) {
  const { children, ...value } = props;
  return <RequestContext.Provider value={value}>{children}</RequestContext.Provider>;
}

export function useRequestContext(): RequestContextValue {
  return useContext(RequestContext);
}
