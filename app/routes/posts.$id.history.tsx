import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "../auth/guards.server";
import { listPostRevisions } from "../domain/threads/queries.server";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { diffWords } from "../lib/diff.server";

/** Every earlier version of a post, with what changed in each edit; visible to whoever may read the post on its thread page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!params.id || !/^[1-9][0-9]{0,15}$/.test(params.id)) notFound();
  const found = await listPostRevisions(context.db, context.actor, Number(params.id));
  if (!found) notFound();
  const texts = [...found.revisions.map((r) => r.body_markdown).reverse(), found.post.body_markdown];
  const versions = found.revisions
    .slice()
    .reverse()
    .map((r, index) => ({
      version: r.version,
      editedBy: r.username,
      at: r.created_at.toISOString(),
      changes: diffWords(texts[index]!, texts[index + 1]!),
    }))
    .reverse();
  return {
    locale: requestLocale(request, context.actor),
    post: { threadId: found.post.thread_id, threadSlug: found.post.thread_slug, number: found.post.number },
    versions,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("threads.history")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function PostHistory() {
  const { post, versions } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/t/${post.threadId}/${post.threadSlug}#post-${post.number}`}>{t("threads.backToThread")}</Link>
      </p>
      <h1>{t("threads.history")}</h1>
      {versions.length === 0 ? <p className="muted">{t("threads.history.none")}</p> : null}
      <ol className="revisions">
        {versions.map((v) => (
          <li key={v.version} className="revision">
            <h2 className="revision__title">
              {t("threads.history.edit", {
                who: v.editedBy ? `@${v.editedBy}` : t("audit.formerMember"),
                date: formatDateTime(new Date(v.at), locale, undefined, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </h2>
            <p className="diff">
              {v.changes.map((part, index) =>
                part.kind === "added" ? (
                  <ins key={index}>{part.text}</ins>
                ) : part.kind === "removed" ? (
                  <del key={index}>{part.text}</del>
                ) : (
                  <span key={index}>{part.text}</span>
                ),
              )}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
