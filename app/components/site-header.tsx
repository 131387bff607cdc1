import { Form, Link, NavLink } from "@remix-run/react";
import type { Locale } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { Avatar } from "./avatar";
import { LanguageSwitch } from "./language-switch";

export interface HeaderViewer {
  username: string;
  displayName: string;
  avatarVersion: number | null;
  emailVerified: boolean;
  isAdmin: boolean;
  unread: number;
}

export function SiteHeader({ locale, viewer }: { locale: Locale; viewer: HeaderViewer | null }) {
  const t = useTranslate();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          {t("site.name")}
        </Link>
        <nav aria-label={t("nav.label")} className="site-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/g">{t("nav.groups")}</NavLink>
            </li>
            <li>
              <NavLink to="/e">{t("nav.events")}</NavLink>
            </li>
            <li>
              <NavLink to="/p">{t("nav.principles")}</NavLink>
            </li>
            <li>
              <NavLink to="/search">{t("nav.search")}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="site-header__account">
          {viewer ? (
            <>
              <Link to={`/u/${viewer.username}`} className="site-header__me">
                <Avatar name={viewer.displayName} username={viewer.username} avatarVersion={viewer.avatarVersion} size="small" />
                <span>{viewer.displayName}</span>
              </Link>
              <Link to="/notifications" className="site-header__bell">
                <span aria-hidden="true">🔔</span>
                {viewer.unread > 0 ? (
                  <>
                    <span className="visually-hidden">{t("nav.notificationsUnread", { count: viewer.unread })}</span>
                    <span className="bell-count" aria-hidden="true">
                      {viewer.unread > 99 ? "99+" : viewer.unread}
                    </span>
                  </>
                ) : (
                  <span className="visually-hidden">{t("nav.notifications")}</span>
                )}
              </Link>
              <Link to="/drafts">{t("nav.drafts")}</Link>
              {viewer.isAdmin ? <Link to="/admin/audit">{t("nav.admin")}</Link> : null}
              <Link to="/settings">{t("nav.settings")}</Link>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login">{t("nav.login")}</Link>
              <Link to="/signup" className="site-header__join">
                {t("nav.signup")}
              </Link>
            </>
          )}
          <LanguageSwitch locale={locale} />
        </div>
      </div>
      {viewer && !viewer.emailVerified ? (
        <p className="site-banner" role="status">
          {t("verify.banner")} <Link to="/verify-email">{t("verify.bannerLink")}</Link>
        </p>
      ) : null}
    </header>
  );
}
