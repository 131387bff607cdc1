import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Avatar } from "../components/avatar";
import { Field, FormMessage, TextArea } from "../components/form-fields";
import { updateProfile } from "../domain/accounts/commands.server";
import { findOwnSettings } from "../domain/accounts/queries.server";
import { avatarFormAction } from "../domain/uploads/avatar.server";
import { profileSchema, TIME_ZONES } from "../domain/accounts/schema";
import { requireMember } from "../auth/session.server";
import { LOCALE_COOKIE } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { parseForm, readForm, respondToFailure, type FormFailure } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const member = requireMember(context.actor, request);
  const settings = await findOwnSettings(context.db, member.id);
  return {
    username: settings.username,
    displayName: settings.display_name,
    bio: settings.bio_markdown,
    locale: settings.locale ?? "nl",
    timeZone: settings.time_zone,
    timeZones: TIME_ZONES,
    avatarVersion: settings.avatar_version,
  };
}

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  // The photo form posts here too (`?index&part=avatar`), as multipart.
  if (new URL(request.url).searchParams.get("part") === "avatar") {
    const avatar = await avatarFormAction(request, context);
    if (!avatar.ok) return respondToFailure(request, {}, avatar, { part: "avatar" });
    return json({ ok: true as const, avatar: avatar.removed ? ("removed" as const) : ("saved" as const) });
  }
  const values = await readForm(request);
  const { data, failure } = parseForm(profileSchema, values);
  if (failure) return failure;
  await updateProfile(context.db, context.guardian, data);
  // The profile's language becomes this browser's language too.
  return json(
    { ok: true as const },
    {
      headers: {
        "Set-Cookie": `${LOCALE_COOKIE}=${data.locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${context.secure ? "; Secure" : ""}`,
      },
    },
  );
}

export default function ProfileSettings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (FormFailure & { part?: "avatar" }) | { ok: true; avatar?: "saved" | "removed" } | undefined;
  const avatarResult = result && (result.ok ? result.avatar !== undefined : result.part === "avatar") ? result : undefined;
  const failure = result && !result.ok && !avatarResult ? result : undefined;
  const avatarError = avatarResult && !avatarResult.ok ? avatarResult.fieldErrors.avatar : undefined;
  const errors = failure?.fieldErrors ?? {};
  const t = useTranslate();
  const value = (name: string, fallback: string) => failure?.values[name] ?? fallback;
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t("settings.profile.title")}</h2>
      <p>
        <Link to={`/u/${data.username}`}>{t("settings.profile.view")}</Link>
      </p>
      <section aria-labelledby="avatar-title">
        <h3 id="avatar-title">{t("avatar.title")}</h3>
        {avatarResult?.ok ? <FormMessage kind="success">{t(avatarResult.avatar === "removed" ? "avatar.removed" : "avatar.saved")}</FormMessage> : null}
        <div className="avatar-settings">
          <Avatar name={data.displayName} username={data.username} avatarVersion={data.avatarVersion} size="large" />
          <Form method="post" action="?index&part=avatar" encType="multipart/form-data" noValidate>
            <div className={avatarError ? "field field--invalid" : "field"}>
              <label htmlFor="field-avatar">{t("avatar.field")}</label>
              <p className="field__hint" id="field-avatar-hint">
                {t("avatar.hint")}
              </p>
              <input id="field-avatar" type="file" name="avatar" accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby="field-avatar-hint" />
              {avatarError ? <p className="field__error">{t(avatarError)}</p> : null}
            </div>
            <div className="button-row">
              <button type="submit" name="intent" value="uploadAvatar" className="button">
                {t("avatar.upload")}
              </button>
              {data.avatarVersion ? (
                <button type="submit" name="intent" value="removeAvatar" className="button button--secondary">
                  {t("avatar.remove")}
                </button>
              ) : null}
            </div>
          </Form>
        </div>
      </section>
      {result?.ok && !avatarResult ? <FormMessage kind="success">{t("settings.saved")}</FormMessage> : null}
      {failure ? <FormMessage kind="error">{t("form.fixErrors")}</FormMessage> : null}
      <Form method="post" noValidate>
        <Field name="displayName" label={t("field.displayName")} required maxLength={80} defaultValue={value("displayName", data.displayName)} error={errors.displayName} />
        <TextArea name="bio" label={t("field.bio")} hint={t("field.bio.hint")} maxLength={2000} defaultValue={value("bio", data.bio)} error={errors.bio} />
        <div className="field">
          <label htmlFor="field-locale">{t("field.language")}</label>
          <select id="field-locale" name="locale" defaultValue={value("locale", data.locale)}>
            <option value="nl">{t("language.nl")}</option>
            <option value="en">{t("language.en")}</option>
          </select>
        </div>
        <div className={errors.timeZone ? "field field--invalid" : "field"}>
          <label htmlFor="field-timeZone">{t("field.timeZone")}</label>
          <select id="field-timeZone" name="timeZone" defaultValue={value("timeZone", data.timeZone)} aria-invalid={errors.timeZone ? true : undefined}>
            {data.timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
          {errors.timeZone ? <p className="field__error">{t(errors.timeZone)}</p> : null}
        </div>
        <button type="submit" className="button">
          {t("settings.save")}
        </button>
      </Form>
    </section>
  );
}
