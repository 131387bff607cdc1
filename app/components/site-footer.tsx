import { Link } from "@remix-run/react";
import { useTranslate } from "../i18n/react";

export function SiteFooter() {
  const t = useTranslate();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t("footer.about")}</p>
        <p>
          <Link to="/p">{t("footer.principles")}</Link>
        </p>
      </div>
    </footer>
  );
}
