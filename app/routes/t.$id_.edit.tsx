import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { forbidden, notFound } from "../auth/guards.server";
import { requireMember } from "../auth/session.server";
import { FailureMessage } from "../components/failure-message";
import { tagWords, TitleTagsFields } from "../components/thread/title-tags-fields";
import { listPrinciples } from "../domain/principles/queries.server";
import { editThreadTitle, findRetitlableThread, type TagSnapshot } from "../domain/threads/posting.server";
import { listGroupTags } from "../domain/threads/queries.server";
import { chosenPrinciples, chosenThemeTags, newThreadSchema } from "../domain/threads/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { type FormFailure, parseForm, readForm, respondToFailure, typedValues } from "../lib/http.server";

/**
 * A thread's title and tags on their own, without its opening post's text:
 * for the circle's hosts and site admins (also on threads of others, from
 * the host tools on the thread page) and for the thread's author.
 */
const titleSchema = newThreadSchema.pick({ title: true, principles: true, tags: true }).extend({ version: z.coerce.number().int().min(1) });

function threadIdFrom(param: string | undefined): number {
  if (!param || !/^[1-9][0-9]{0,15}$/.test(param)) notFound();
  return Number(param);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requireMember(context.actor, request);
  const found = await findRetitlableThread(context.db, context.guardian, threadIdFrom(params.id));
  if (!found.found) notFound();
  if (!found.allowed) forbidden();
  const locale = requestLocale(request, actor);
  return {
    locale,
    thread: { id: found.thread.id, slug: found.thread.slug, title: found.thread.title, principles: found.principles, tags: found.tags },
    version: found.opening.version,
    principles: await listPrinciples(context.db, locale),
    themeTags: await listGroupTags(context.db, found.thread.group_id),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("threads.editTitleTags")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

type Result = FormFailure & { currentTitle?: string; currentTags?: TagSnapshot };

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireMember(context.actor, request);
  const threadId = threadIdFrom(params.id);
  const values = await readForm(request);
  const { data, failure } = parseForm(titleSchema, values, { principles: chosenPrinciples(values), tags: chosenThemeTags(values) });
  if (failure) return failure;
  const result = await editThreadTitle(context.db, context.guardian, threadId, data);
  if (!result.ok) {
    if ("currentVersion" in result) {
      // Someone changed the thread meanwhile: show what is posted now, keep what was typed, and take their version as the new base.
      return json(
        {
          ok: false as const,
          values: typedValues({ ...values, version: String(result.currentVersion) }),
          fieldErrors: {},
          formError: result.formError,
          currentTitle: result.currentTitle,
          currentTags: result.currentTags,
        },
        { status: 409 },
      );
    }
    return respondToFailure(request, values, result);
  }
  throw redirect(`/t/${result.threadId}/${result.slug}`);
}

export default function EditThreadTitle() {
  const { thread, version, principles, themeTags } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as Result | undefined;
  const t = useTranslate();
  const values = failure?.values;
  return (
    <div>
      <p className="breadcrumb">
        <Link to={`/t/${thread.id}/${thread.slug}`}>{t("threads.backToThread")}</Link>
      </p>
      <h1>{t("threads.editTitleTags")}</h1>
      <p className="muted">{t("threads.editTitleTags.intro")}</p>
      <FailureMessage failure={failure} />
      {failure?.currentTitle !== undefined ? (
        <section className="preview" aria-labelledby="current-title">
          <h2 id="current-title" className="preview__title">
            {t("threads.currentVersion")}
          </h2>
          <p>{t("threads.editTitleTags.current", { title: failure.currentTitle, tags: tagWords(failure.currentTags ?? [], principles, t("threads.history.noTags")) })}</p>
        </section>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="version" value={values?.version ?? String(version)} />
        <TitleTagsFields principles={principles} themeTags={themeTags} initial={thread} values={values} errors={failure?.fieldErrors ?? {}} />
        <div className="button-row">
          <button type="submit" className="button">
            {t("settings.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
