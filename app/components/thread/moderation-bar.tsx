import { Form, Link } from "@remix-run/react";
import { useTranslate } from "../../i18n/react";
import type { ThreadFormState } from "./form-state";

/** The host tools above a thread: pin, lock, correct its title and tags, and move it to another circle. */
export function ModerationBar({
  thread,
  moveTargets,
  form,
}: {
  thread: { id: number; pinned: boolean; locked: boolean };
  moveTargets: Array<{ slug: string; name: string }>;
  form: ThreadFormState;
}) {
  const t = useTranslate();
  return (
    <section className="host-thread-tools" aria-label={t("groups.hostTools")}>
      <Form method="post" className="button-row">
        <button type="submit" name="intent" value={thread.pinned ? "unpin" : "pin"} className="button button--secondary">
          {t(thread.pinned ? "threads.unpin" : "threads.pin")}
        </button>
        <button type="submit" name="intent" value={thread.locked ? "unlock" : "lock"} className="button button--secondary">
          {t(thread.locked ? "threads.unlock" : "threads.lock")}
        </button>
        <Link to={`/t/${thread.id}/edit`} className="button button--secondary">
          {t("threads.editTitleTags")}
        </Link>
      </Form>
      {moveTargets.length > 0 ? <MoveForm moveTargets={moveTargets} form={form} /> : null}
    </section>
  );
}

function MoveForm({ moveTargets, form }: { moveTargets: Array<{ slug: string; name: string }>; form: ThreadFormState }) {
  const t = useTranslate();
  const error = form.failure?.fieldErrors.group;
  return (
    <Form method="post" className="inline-form move-form">
      <label htmlFor="move-group">{t("threads.moveTo")}</label>{" "}
      <select id="move-group" name="group" defaultValue={form.values.group} aria-invalid={error ? true : undefined}>
        {moveTargets.map((g) => (
          <option key={g.slug} value={g.slug}>
            {g.name}
          </option>
        ))}
      </select>{" "}
      <button type="submit" name="intent" value="move" className="button button--secondary">
        {t("threads.move")}
      </button>
      {error ? <p className="field__error">{t(error)}</p> : null}
    </Form>
  );
}
