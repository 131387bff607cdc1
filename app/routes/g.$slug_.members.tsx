import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Avatar } from "../components/avatar";
import { FailureMessage } from "../components/failure-message";
import { Field, FormMessage } from "../components/form-fields";
import { ROLE_KEYS } from "../components/group-badge";
import { notFound, requireVisibleGroup } from "../auth/guards.server";
import {
  changeRole,
  decideJoinRequest,
  setTrusted,
  inviteByEmail,
  liftBan,
  removeMember,
  revokeInvitation,
} from "../domain/groups/commands.server";
import { loadMembersPage } from "../domain/groups/page.server";
import { groupRoleSchema, inviteSchema, reasonSchema } from "../domain/groups/schema";
import { formatDateTime, translator, type MessageKey } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, type FormFailure, parseForm, readForm, respondToFailure } from "../lib/http.server";

const UUID = /^[0-9a-f-]{36}$/;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const found = await requireVisibleGroup(context.db, context.guardian, params.slug);
  if (!found.can.viewMembers) notFound();
  return { locale: requestLocale(request, context.actor), ...(await loadMembersPage(context.db, context.guardian, found)) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const t = translator(data.locale);
  return [{ title: `${t("groups.members")} · ${data.group.name} · ${t("site.name")}` }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { group } = await requireVisibleGroup(context.db, context.guardian, params.slug);
  const values = await readForm(request);
  const links = { origin: context.origin, locale: requestLocale(request, context.actor) };
  const target = values.id ?? "";
  let result;
  let notice: MessageKey;
  if (values.intent !== "invite" && !UUID.test(target)) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
  switch (values.intent) {
    case "approve":
    case "decline":
      result = await decideJoinRequest(context.db, context.jobs, context.guardian, group.id, target, values.intent === "approve", links);
      notice = values.intent === "approve" ? "groups.requestApproved" : "groups.requestDeclined";
      break;
    case "invite": {
      const { data, failure } = parseForm(inviteSchema, values);
      if (failure) return failure;
      result = await inviteByEmail(context.db, context.jobs, context.guardian, group.id, data.email, links);
      notice = "groups.invite.sent";
      break;
    }
    case "revoke":
      result = await revokeInvitation(context.db, context.guardian, group.id, target);
      notice = "groups.invite.revoked";
      break;
    case "remove":
    case "ban": {
      const reason = reasonSchema.safeParse(values.reason ?? "");
      if (!reason.success) return formFailure(values, { status: 400, fieldErrors: { reason: "validation.reason.length" } });
      result = await removeMember(context.db, context.guardian, group.id, target, { ban: values.intent === "ban", reason: reason.data });
      notice = values.intent === "ban" ? "groups.banned.done" : "groups.removed";
      break;
    }
    case "trust":
    case "untrust":
      result = await setTrusted(context.db, context.guardian, group.id, target, values.intent === "trust");
      notice = "groups.trust.done";
      break;
    case "unban":
      result = await liftBan(context.db, context.guardian, group.id, target);
      notice = "groups.unbanned";
      break;
    case "role": {
      const role = groupRoleSchema.safeParse(values.role);
      if (!role.success) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
      result = await changeRole(context.db, context.guardian, group.id, target, role.data);
      notice = "groups.roleChanged";
      break;
    }
    default:
      return formFailure(values, { status: 400, formError: "error.badRequest.text" });
  }
  if (!result.ok) return respondToFailure(request, values, result);
  return { ok: true as const, notice };
}

export default function GroupMembers() {
  const { group, members, hostData, can } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | { ok: true; notice: MessageKey } | undefined;
  const failure = result && !result.ok ? result : undefined;
  const t = useTranslate();
  const locale = useLocale();
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/g/${group.slug}`}>{group.name}</Link>
      </p>
      <h1>{t("groups.members")}</h1>
      <FailureMessage failure={failure} />
      {result?.ok ? <FormMessage kind="success">{t(result.notice)}</FormMessage> : null}

      {hostData ? (
        <>
          <section aria-labelledby="requests-title">
            <h2 id="requests-title">{t("groups.requests")}</h2>
            {hostData.requests.length === 0 ? <p className="muted">{t("groups.requests.none")}</p> : null}
            <ul className="queue">
              {hostData.requests.map((r) => (
                <li key={r.id} className="queue__item">
                  <p>
                    <Link to={`/u/${r.username}`}>{r.name}</Link> <span className="muted">@{r.username} · {formatDateTime(new Date(r.createdAt), locale, undefined, { dateStyle: "medium" })}</span>
                  </p>
                  {r.message ? <blockquote>{r.message}</blockquote> : null}
                  <Form method="post" className="button-row">
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" name="intent" value="approve" className="button">
                      {t("groups.approve")}
                    </button>
                    <button type="submit" name="intent" value="decline" className="button button--secondary">
                      {t("groups.decline")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="invite-title">
            <h2 id="invite-title">{t("groups.invite")}</h2>
            <Form method="post" noValidate className="narrow">
              <input type="hidden" name="intent" value="invite" />
              <Field
                name="email"
                type="email"
                label={t("field.email")}
                hint={t("groups.invite.hint")}
                required
                defaultValue={failure?.values.intent === "invite" ? failure.values.email : undefined}
                error={failure?.values.intent === "invite" ? failure.fieldErrors.email : undefined}
              />
              <button type="submit" className="button">
                {t("groups.invite.submit")}
              </button>
            </Form>
            {hostData.invitations.length > 0 ? (
              <>
                <h3>{t("groups.invite.open")}</h3>
                <ul className="queue">
                  {hostData.invitations.map((i) => (
                    <li key={i.id} className="queue__item queue__item--row">
                      <span>
                        {i.email} <span className="muted">({t("groups.invite.until", { date: formatDateTime(new Date(i.expiresAt), locale, undefined, { dateStyle: "medium" }) })})</span>
                      </span>
                      <Form method="post">
                        <input type="hidden" name="id" value={i.id} />
                        <button type="submit" name="intent" value="revoke" className="button button--secondary">
                          {t("groups.invite.revoke")}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </>
      ) : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("groups.memberList", { count: members.length })}</h2>
        <ul className="member-list">
          {members.map((m) => (
            <li key={m.id} className="member-row">
              <div className="member-row__who">
                <Avatar name={m.name} username={m.username} avatarVersion={m.avatarVersion} />
                <div>
                  <Link to={`/u/${m.username}`}>{m.name}</Link>
                  <p className="muted">
                    @{m.username} · {t(ROLE_KEYS[m.role])}
                    {m.trusted ? ` · ${t("groups.trusted")}` : null}
                  </p>
                </div>
              </div>
              {m.can.changeRole || m.can.sanction ? (
                <details className="member-row__tools">
                  <summary>{t("groups.manage", { name: m.name })}</summary>
                  {m.can.changeRole ? (
                    <Form method="post" className="inline-fields">
                      <input type="hidden" name="id" value={m.id} />
                      <input type="hidden" name="intent" value="role" />
                      <label htmlFor={`role-${m.id}`}>{t("groups.roleLabel")}</label>
                      <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                        <option value="member">{t("groups.role.member")}</option>
                        <option value="moderator">{t("groups.role.moderator")}</option>
                        <option value="owner">{t("groups.role.owner")}</option>
                      </select>
                      <button type="submit" className="button button--secondary">
                        {t("groups.changeRole")}
                      </button>
                    </Form>
                  ) : null}
                  {m.can.sanction ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit" name="intent" value={m.trusted ? "untrust" : "trust"} className="button button--secondary">
                        {t(m.trusted ? "groups.untrust" : "groups.trust")}
                      </button>
                    </Form>
                  ) : null}
                  {m.can.sanction ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={m.id} />
                      <label htmlFor={`reason-${m.id}`}>{t("groups.reason")}</label>
                      <input id={`reason-${m.id}`} name="reason" type="text" maxLength={500} />
                      <div className="button-row">
                        <button type="submit" name="intent" value="remove" className="button button--secondary">
                          {t("groups.remove")}
                        </button>
                        <button type="submit" name="intent" value="ban" className="button button--danger">
                          {t("groups.ban")}
                        </button>
                      </div>
                    </Form>
                  ) : null}
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {hostData && hostData.bans.length > 0 ? (
        <section aria-labelledby="bans-title">
          <h2 id="bans-title">{t("groups.bans")}</h2>
          <ul className="queue">
            {hostData.bans.map((b) => (
              <li key={b.id} className="queue__item queue__item--row">
                <span>
                  {b.name} <span className="muted">@{b.username}{b.reason ? ` · ${b.reason}` : ""}</span>
                </span>
                <Form method="post">
                  <input type="hidden" name="id" value={b.id} />
                  <button type="submit" name="intent" value="unban" className="button button--secondary">
                    {t("groups.unban")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can.moderate ? (
        <p>
          <Link to={`/g/${group.slug}/audit`}>{t("groups.audit")}</Link>
        </p>
      ) : null}
    </div>
  );
}
