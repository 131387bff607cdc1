import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { FormMessage } from "../components/form-fields";
import { GroupSettingsFields } from "../components/group-settings-fields";
import { forbidden, requireVisibleGroup } from "../auth/guards.server";
import { createInviteLink, revokeInviteLink, updateGroupSettings } from "../domain/groups/commands.server";
import { groupSettingsSchema } from "../domain/groups/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { type FormFailure, parseForm, readForm, respondToFailure } from "../lib/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { group, can } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  if (!can.manage) forbidden();
  return {
    locale: requestLocale(request, context.actor),
    group: {
      slug: group.slug,
      name: group.name,
      description: group.description,
      about: group.about_markdown,
      colour: group.colour,
      visibility: group.visibility,
      listed: group.listed ? "listed" : "unlisted",
      joinPolicy: group.join_policy,
      hasInviteLink: group.invite_link_hash !== null,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("groups.settings")} · ${data.group.name} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { group } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  const values = await readForm(request);
  if (values.intent === "create-link") {
    const result = await createInviteLink(context.db, context.guardian, group.id);
    if (!result.ok) return respondToFailure(request, values, result);
    return { ok: true as const, notice: "groups.link.created" as const, link: `${context.origin}/join/${result.code}` };
  }
  if (values.intent === "revoke-link") {
    const result = await revokeInviteLink(context.db, context.guardian, group.id);
    if (!result.ok) return respondToFailure(request, values, result);
    return { ok: true as const, notice: "groups.link.revoked" as const, link: null };
  }
  const { data, failure } = parseForm(groupSettingsSchema, values);
  if (failure) return failure;
  const result = await updateGroupSettings(context.db, context.guardian, group.id, data);
  if (!result.ok) return respondToFailure(request, values, result);
  return { ok: true as const, notice: "settings.saved" as const, link: null };
}

export default function GroupSettings() {
  const { group } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    | FormFailure
    | { ok: true; notice: "groups.link.created" | "groups.link.revoked" | "settings.saved"; link: string | null }
    | undefined;
  const failure = result && !result.ok ? result : undefined;
  const t = useTranslate();
  const values = failure && !failure.values.intent ? { ...group, ...failure.values } : group;
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{t("groups.settings")}</h1>
      <FailureMessage failure={failure} />
      {result?.ok ? <FormMessage kind="success">{t(result.notice)}</FormMessage> : null}
      <Form method="post" noValidate>
        <GroupSettingsFields values={values} errors={failure?.fieldErrors ?? {}} />
        <button type="submit" className="button">
          {t("settings.save")}
        </button>
      </Form>
      <section aria-labelledby="link-title">
        <h2 id="link-title">{t("groups.link.title")}</h2>
        <p>{t("groups.link.intro")}</p>
        {result?.ok && result.link ? (
          <p>
            <label htmlFor="invite-link">{t("groups.link.copy")}</label>
            <input id="invite-link" type="text" readOnly value={result.link} className="copy-field" />
          </p>
        ) : group.hasInviteLink ? (
          <p className="muted">{t("groups.link.active")}</p>
        ) : null}
        <Form method="post" className="button-row">
          <button type="submit" name="intent" value="create-link" className="button button--secondary">
            {t(group.hasInviteLink ? "groups.link.replace" : "groups.link.create")}
          </button>
          {group.hasInviteLink ? (
            <button type="submit" name="intent" value="revoke-link" className="button button--secondary">
              {t("groups.link.revoke")}
            </button>
          ) : null}
        </Form>
      </section>
    </div>
  );
}
