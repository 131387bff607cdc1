import type { FieldErrors } from "../domain/result";
import { GROUP_COLOURS } from "../domain/groups/schema";
import { useTranslate } from "../i18n/react";
import { Field, TextArea } from "./form-fields";

export interface GroupSettingsValues {
  name: string;
  description: string;
  about: string;
  colour: string;
  visibility: string;
  listed: string;
  joinPolicy: string;
}

/** The fields shared by "new group" and "group settings". */
export function GroupSettingsFields({ values, errors }: { values: GroupSettingsValues; errors: FieldErrors }) {
  const t = useTranslate();
  return (
    <>
      <Field name="name" label={t("field.groupName")} required minLength={3} maxLength={80} defaultValue={values.name} error={errors.name} />
      <Field name="description" label={t("field.groupDescription")} hint={t("field.groupDescription.hint")} maxLength={300} defaultValue={values.description} error={errors.description} />
      <TextArea name="about" label={t("field.groupAbout")} hint={t("field.bio.hint")} rows={6} defaultValue={values.about} error={errors.about} />
      <fieldset className="field">
        <legend>{t("field.colour")}</legend>
        <div className="colour-choices">
          {GROUP_COLOURS.map((colour) => (
            <label key={colour} className="choice">
              <input type="radio" name="colour" value={colour} defaultChecked={values.colour === colour} />
              <span className={`swatch swatch--${colour}`} aria-hidden="true" /> {t(COLOUR_KEYS[colour])}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className={errors.visibility ? "field field--invalid" : "field"}>
        <legend>{t("field.visibility")}</legend>
        <label className="choice">
          <input type="radio" name="visibility" value="public" defaultChecked={values.visibility === "public"} /> {t("groups.visibility.public.long")}
        </label>
        <label className="choice">
          <input type="radio" name="visibility" value="private" defaultChecked={values.visibility === "private"} /> {t("groups.visibility.private.long")}
        </label>
      </fieldset>
      <fieldset className="field">
        <legend>{t("field.listed")}</legend>
        <label className="choice">
          <input type="radio" name="listed" value="listed" defaultChecked={values.listed !== "unlisted"} /> {t("groups.listed.long")}
        </label>
        <label className="choice">
          <input type="radio" name="listed" value="unlisted" defaultChecked={values.listed === "unlisted"} /> {t("groups.unlisted.long")}
        </label>
      </fieldset>
      <fieldset className={errors.joinPolicy ? "field field--invalid" : "field"}>
        <legend>{t("field.joinPolicy")}</legend>
        <label className="choice">
          <input type="radio" name="joinPolicy" value="open" defaultChecked={values.joinPolicy === "open"} /> {t("groups.policy.open.long")}
        </label>
        <label className="choice">
          <input type="radio" name="joinPolicy" value="request" defaultChecked={values.joinPolicy === "request"} /> {t("groups.policy.request.long")}
        </label>
        <label className="choice">
          <input type="radio" name="joinPolicy" value="invite" defaultChecked={values.joinPolicy === "invite"} /> {t("groups.policy.invite.long")}
        </label>
      </fieldset>
    </>
  );
}

const COLOUR_KEYS = {
  green: "colour.green",
  blue: "colour.blue",
  orange: "colour.orange",
  purple: "colour.purple",
  teal: "colour.teal",
  red: "colour.red",
  olive: "colour.olive",
  brown: "colour.brown",
} as const;
