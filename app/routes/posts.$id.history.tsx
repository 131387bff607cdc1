import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "../auth/guards.server";
import { listPrinciples } from "../domain/principles/queries.server";
import type { TagSnapshot } from "../domain/threads/posting.server";
import { listPostRevisions } from "../domain/threads/queries.server";
import { formatDateTime, translator } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { diffWords } from "../lib/diff.server";

/** A revision's tags as stored (JSON), or null when not recorded or unreadable. */
function parseTags(text: string | null): TagSnapshot | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as TagSnapshot) : null;
  } catch {
    return null;
  }
}

const tagKey = (tag: TagSnapshot[number]) => (tag.kind === "principle" ? `p:${tag.slug}` : `t:${tag.label}`);

/**
 * Every earlier version of a post, with what changed in each edit: the text,
 * and on an opening post the thread's title and tags; visible to whoever may
 * read the post on its thread page.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!params.id || !/^[1-9][0-9]{0,15}$/.test(params.id)) notFound();
  const found = await listPostRevisions(context.db, context.actor, Number(params.id));
  if (!found) notFound();
  const locale = requestLocale(request, context.actor);
  const principles = found.currentTags ? await listPrinciples(context.db, locale) : [];
  const label = (tag: TagSnapshot[number]) => (tag.kind === "principle" ? (principles.find((p) => p.slug === tag.slug)?.label ?? tag.slug) : tag.label);
  const position = (tag: TagSnapshot[number]) => (tag.kind === "principle" ? principles.findIndex((p) => p.slug === tag.slug) : principles.length);
  // Oldest first, ending with what is posted now: each edit turned one state into the next.
  const states = [
    ...found.revisions
      .slice()
      .reverse()
      .map((r) => ({ body: r.body_markdown, title: r.title, tags: parseTags(r.tags) })),
    { body: found.post.body_markdown, title: found.currentTags ? found.post.thread_title : null, tags: found.currentTags },
  ];
  const tagChange = (before: TagSnapshot | null, after: TagSnapshot | null) => {
    if (!before || !after) return null;
    const beforeKeys = new Set(before.map(tagKey));
    const afterKeys = new Set(after.map(tagKey));
    if (beforeKeys.size === afterKeys.size && [...beforeKeys].every((k) => afterKeys.has(k))) return null;
    const sorted = (tags: TagSnapshot) => tags.slice().sort((a, b) => position(a) - position(b) || label(a).localeCompare(label(b)));
    return {
      kept: sorted(after.filter((tag) => beforeKeys.has(tagKey(tag)))).map(label),
      added: sorted(after.filter((tag) => !beforeKeys.has(tagKey(tag)))).map(label),
      removed: sorted(before.filter((tag) => !afterKeys.has(tagKey(tag)))).map(label),
    };
  };
  const versions = found.revisions
    .slice()
    .reverse()
    .map((r, index) => {
      const before = states[index]!;
      const after = states[index + 1]!;
      return {
        version: r.version,
        editedBy: r.username,
        at: r.created_at.toISOString(),
        title: before.title !== null && after.title !== null && before.title !== after.title ? { before: before.title, after: after.title } : null,
        tags: tagChange(before.tags, after.tags),
        bodyChanged: before.body !== after.body,
        changes: diffWords(before.body, after.body),
      };
    })
    .reverse();
  return {
    locale,
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
            {v.title ? (
              <p className="diff">
                <strong>{t("threads.history.title")}:</strong> <del>{v.title.before}</del> <ins>{v.title.after}</ins>
              </p>
            ) : null}
            {v.tags ? (
              <p className="diff">
                <strong>{t("threads.history.tags")}:</strong>{" "}
                {[
                  ...v.tags.kept.map((name) => <span key={`k-${name}`}>{name}</span>),
                  ...v.tags.removed.map((name) => <del key={`r-${name}`}>{name}</del>),
                  ...v.tags.added.map((name) => <ins key={`a-${name}`}>{name}</ins>),
                ].flatMap((part, index) => (index === 0 ? [part] : [<span key={`s-${index}`}>, </span>, part]))}
              </p>
            ) : null}
            {v.title || v.tags ? (
              v.bodyChanged ? (
                <p className="revision__label">
                  <strong>{t("threads.history.body")}:</strong>
                </p>
              ) : (
                <p className="muted">{t("threads.history.unchangedBody")}</p>
              )
            ) : null}
            {v.bodyChanged || !(v.title || v.tags) ? (
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
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
