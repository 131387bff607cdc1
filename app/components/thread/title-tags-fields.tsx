import type { TagSnapshot } from "../../domain/threads/posting.server";
import type { MessageKey } from "../../i18n/index";
import { useTranslate } from "../../i18n/react";
import { Field } from "../form-fields";

/**
 * A thread's title and its tags (the five principles and the circle's own
 * tags), as checkboxes named `principle-<slug>` and `tag-<slug>`: on the
 * opening post's edit form and the title and tags form. `values` are what
 * was typed (after a refusal), `initial` what the thread has now.
 */
export function TitleTagsFields({
  principles,
  themeTags,
  initial,
  values,
  errors,
}: {
  principles: Array<{ slug: string; label: string }>;
  themeTags: Array<{ slug: string; label: string }>;
  initial: { title: string; principles: string[]; tags: string[] };
  values: Record<string, string> | undefined;
  errors: Partial<Record<string, MessageKey>>;
}) {
  const t = useTranslate();
  const checked = (name: string, initiallyOn: boolean) => (values ? values[name] === "on" : initiallyOn);
  const tagError = errors.principles ?? errors.tags;
  return (
    <>
      <Field name="title" label={t("field.title")} required minLength={3} maxLength={200} defaultValue={values ? values.title : initial.title} error={errors.title} />
      <fieldset className={tagError ? "field field--invalid" : "field"}>
        <legend>{t("threads.principles")}</legend>
        {principles.map((p) => (
          <label key={p.slug} className="choice">
            <input type="checkbox" name={`principle-${p.slug}`} defaultChecked={checked(`principle-${p.slug}`, initial.principles.includes(p.slug))} /> {p.label}
          </label>
        ))}
        {themeTags.map((tag) => (
          <label key={tag.slug} className="choice">
            <input type="checkbox" name={`tag-${tag.slug}`} defaultChecked={checked(`tag-${tag.slug}`, initial.tags.includes(tag.slug))} /> {tag.label}
          </label>
        ))}
        {tagError ? <p className="field__error">{t(tagError)}</p> : null}
      </fieldset>
    </>
  );
}

/** A thread's tags in words: principles by their name in this language, the circle's own tags by label. */
export function tagWords(tags: TagSnapshot, principles: Array<{ slug: string; label: string }>, none: string): string {
  if (tags.length === 0) return none;
  return tags.map((tag) => (tag.kind === "principle" ? (principles.find((p) => p.slug === tag.slug)?.label ?? tag.slug) : tag.label)).join(", ");
}
