import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale } from "./i18n/index";
import { RequestContextProvider } from "./lib/request-context";

const lang = document.documentElement.lang;

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RequestContextProvider nonce="" locale={isLocale(lang) ? lang : "nl"}>
        <RemixBrowser />
      </RequestContextProvider>
    </StrictMode>,
  );
});
