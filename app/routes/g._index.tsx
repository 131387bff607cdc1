import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { GroupBadges, ROLE_KEYS } from "../components/group-badge";
import { joinGroup, requestToJoin, withdrawJoinRequest } from "../domain/groups/commands.server";
import { groupSlugOf } from "../domain/groups/lookup.server";
import { listGroupDirectory } from "../domain/groups/queries.server";
import { joinRequestSchema } from "../domain/groups/schema";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, type FormFailure, parseForm, readForm, respondToFailure } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return {
    locale: requestLocale(request, context.actor),
    groups: await listGroupDirectory(context.db, context.actor),
    signedIn: context.guardian.member !== null,
    can: { create: context.guardian.canCreateGroup },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("groups.title")} · ${t("site.name")}` }, { name: "description", content: t("groups.intro") }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

/** Join an open group, or ask to join one that takes requests (listed private circles included). */
export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const groupId = values.groupId ?? "";
  if (!/^[0-9a-f-]{36}$/.test(groupId)) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
  if (values.intent === "request") {
    const { data, failure } = parseForm(joinRequestSchema, values);
    if (failure) return failure;
    const result = await requestToJoin(context.db, context.guardian, groupId, data.message);
    if (!result.ok) return respondToFailure(request, values, result);
    return { ok: true as const, notice: "groups.requestSent" as const };
  }
  if (values.intent === "withdraw") {
    const result = await withdrawJoinRequest(context.db, context.guardian, groupId);
    if (!result.ok) return respondToFailure(request, values, result);
    return { ok: true as const, notice: "groups.requestWithdrawnByYou" as const };
  }
  if (values.intent === "join") {
    const result = await joinGroup(context.db, context.guardian, groupId);
    if (!result.ok) return respondToFailure(request, values, result);
    throw redirect(`/g/${await groupSlugOf(context.db, groupId)}?notice=joined`);
  }
  return formFailure(values, { status: 400, formError: "error.badRequest.text" });
}

export default function GroupDirectory() {
  const { groups, signedIn, can } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | { ok: true; notice: "groups.requestSent" | "groups.requestWithdrawnByYou" } | undefined;
  const t = useTranslate();
  const locale = useLocale();
  const failure = result && !result.ok ? result : undefined;
  const mine = groups.filter((g) => g.myRole);
  const others = groups.filter((g) => !g.myRole);
  const renderGroup = (group: (typeof groups)[number]) => (
    <li key={group.id} className={`group-card group-card--${group.colour}`}>
      <h3 className="group-card__name">{group.readable ? <Link to={`/g/${group.slug}`}>{group.name}</Link> : group.name}</h3>
      <p>{group.description}</p>
      <p className="muted">
        <GroupBadges visibility={group.visibility} joinPolicy={group.joinPolicy} /> ·{" "}
        {t("groups.memberCount", { count: group.memberCount })} ·{" "}
        {t("groups.lastActivity", { date: formatDateTime(new Date(group.lastActivityAt), locale, undefined, { dateStyle: "medium" }) })}
        {group.myRole ? <> · <strong>{t(ROLE_KEYS[group.myRole])}</strong></> : null}
      </p>
      {!group.myRole && signedIn && !group.banned ? (
        group.joinPolicy === "open" && group.readable ? (
          <Form method="post">
            <input type="hidden" name="groupId" value={group.id} />
            <button type="submit" name="intent" value="join" className="button">
              {t("groups.join")}
            </button>
          </Form>
        ) : group.joinPolicy === "request" ? (
          group.pendingRequest ? (
            <Form method="post">
              <input type="hidden" name="groupId" value={group.id} />
              <p className="muted">{t("groups.requestPending")}</p>
              <button type="submit" name="intent" value="withdraw" className="button button--secondary">
                {t("groups.withdraw")}
              </button>
            </Form>
          ) : (
            <details className="request-form">
              <summary>{t("groups.request")}</summary>
              <Form method="post">
                <input type="hidden" name="groupId" value={group.id} />
                <label htmlFor={`message-${group.id}`}>{t("groups.requestMessage")}</label>
                <textarea
                  id={`message-${group.id}`}
                  name="message"
                  rows={3}
                  maxLength={500}
                  defaultValue={failure?.values.groupId === group.id ? failure.values.message : undefined}
                />
                <button type="submit" name="intent" value="request" className="button">
                  {t("groups.requestSubmit")}
                </button>
              </Form>
            </details>
          )
        ) : null
      ) : null}
      {!signedIn && (group.joinPolicy !== "invite") ? (
        <p>
          <Link to={`/login?redirectTo=%2Fg`}>{t("groups.signInToJoin")}</Link>
        </p>
      ) : null}
    </li>
  );
  return (
    <div>
      <h1>{t("groups.title")}</h1>
      <p className="lead">{t("groups.intro")}</p>
      {can.create ? (
        <p>
          <Link to="/g/new" className="button">
            {t("groups.new")}
          </Link>
        </p>
      ) : null}
      <FailureMessage failure={failure} />
      {result?.ok ? <p className="form-message form-message--success" role="status">{t(result.notice)}</p> : null}
      {mine.length > 0 ? (
        <section aria-labelledby="my-groups">
          <h2 id="my-groups">{t("groups.mine")}</h2>
          <ul className="group-list">{mine.map(renderGroup)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="all-groups">
        <h2 id="all-groups">{mine.length > 0 ? t("groups.others") : t("groups.all")}</h2>
        {others.length === 0 ? <p>{t("groups.none")}</p> : <ul className="group-list">{others.map(renderGroup)}</ul>}
      </section>
    </div>
  );
}
