import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireMember } from "../auth/session.server";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireMember(context.actor, request);
  return { locale: requestLocale(request, context.actor) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("settings.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function SettingsLayout() {
  const t = useTranslate();
  return (
    <div>
      <h1>{t("settings.title")}</h1>
      <nav aria-label={t("settings.title")} className="tabs">
        <ul>
          <li>
            <NavLink to="/settings" end>
              {t("settings.profile.title")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings/account">{t("settings.account.title")}</NavLink>
          </li>
          <li>
            <NavLink to="/settings/sessions">{t("sessions.title")}</NavLink>
          </li>
          <li>
            <NavLink to="/settings/email">{t("email.settings.title")}</NavLink>
          </li>
          <li>
            <NavLink to="/settings/calendar">{t("calendar.title")}</NavLink>
          </li>
          <li>
            <NavLink to="/settings/data">{t("data.title")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
