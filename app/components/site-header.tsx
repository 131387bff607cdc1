import { Link, NavLink } from "@remix-run/react";
import type { Locale } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { LanguageSwitch } from "./language-switch";

export function SiteHeader({ locale }: { locale: Locale }) {
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
              <NavLink to="/p">{t("nav.principles")}</NavLink>
            </li>
          </ul>
        </nav>
        <LanguageSwitch locale={locale} />
      </div>
    </header>
  );
}
