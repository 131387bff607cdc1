import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "./components/error-page";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { DEFAULT_TIME_ZONE, translator } from "./i18n/index";
import { requestLocale } from "./i18n/request.server";
import { useLocale, useTranslate } from "./i18n/react";
import { useRouteLoaderData } from "@remix-run/react";
import { useRequestContext } from "./lib/request-context";
import styles from "./styles/app.css";
import { unreadCount } from "./domain/notifications/queries.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = context.guardian.member;
  const locale = requestLocale(request, context.actor);
  return {
    locale,
    timeZone: member?.timeZone ?? DEFAULT_TIME_ZONE,
    viewer:
      member
        ? {
            username: member.username,
            displayName: member.displayName,
            avatarVersion: member.avatarVersion ?? null,
            emailVerified: member.emailVerified,
            isAdmin: context.guardian.canModerateSite,
            // Counted with the session, unless an action (a form re-rendered on this request) may have changed it.
            unread:
              request.method === "GET" && member.unreadNotifications !== undefined
                ? member.unreadNotifications
                : await unreadCount(context.db, member.id),
          }
        : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: t("site.name") }, { name: "description", content: t("site.description") }];
};

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const t = useTranslate();
  const { nonce } = useRequestContext();
  const rootData = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("skip.toMain")}
        </a>
        <SiteHeader locale={locale} viewer={rootData?.viewer ?? null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return <ErrorPage status={status} />;
}
