import { Link } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import type { MessageKey } from "../i18n/index";
import { formatDateTime } from "../i18n/index";
import { useLocale, useTranslate } from "../i18n/react";
import type { EventListItem } from "../domain/events/queries.server";
import { Field, TextArea } from "./form-fields";

function zoneAbbreviation(date: Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { timeZone: zone, timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName")?.value ?? zone;
}

const noSubscription = () => () => undefined;

function range(start: Date, end: Date, zone: string, locale: "nl" | "en"): string {
  const sameDay = formatDateTime(start, locale, zone, { dateStyle: "short" }) === formatDateTime(end, locale, zone, { dateStyle: "short" });
  const from = formatDateTime(start, locale, zone, { dateStyle: "full", timeStyle: "short" });
  const to = sameDay ? formatDateTime(end, locale, zone, { timeStyle: "short" }) : formatDateTime(end, locale, zone, { dateStyle: "full", timeStyle: "short" });
  return `${from} – ${to}`;
}

/**
 * When an event is, in its own zone with the zone's name, and also in the
 * reader's zone when that differs: the profile's zone for members, the
 * browser's (with JavaScript) for visitors.
 */
export function EventWhen({ startsAt, endsAt, timeZone, readerZone }: { startsAt: string; endsAt: string; timeZone: string; readerZone: string | null }) {
  const t = useTranslate();
  const locale = useLocale();
  // The server renders without it; the browser adds its own zone after hydration.
  const browserZone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const reader = readerZone ?? browserZone;
  const differs = reader !== null && reader !== timeZone && range(start, end, reader, locale) !== range(start, end, timeZone, locale);
  return (
    <p className="event-when">
      <time dateTime={startsAt}>{range(start, end, timeZone, locale)}</time>{" "}
      <span className="muted">
        ({timeZone.replace(/_/g, " ")}, {zoneAbbreviation(start, timeZone, locale)})
      </span>
      {differs ? (
        <>
          <br />
          <span>
            {t("events.inYourZone", { zone: reader.replace(/_/g, " ") })}: {range(start, end, reader, locale)}
          </span>
        </>
      ) : null}
    </p>
  );
}

/** As the events queries list them (loader data keeps the same shape). */
export type EventItem = EventListItem;

export const RSVP_KEYS: Record<"going" | "maybe" | "not_going" | "waitlist", MessageKey> = {
  going: "events.rsvp.going",
  maybe: "events.rsvp.maybe",
  not_going: "events.rsvp.notGoing",
  waitlist: "events.rsvp.waitlist",
};

export function EventList({ events, showGroup = true }: { events: EventItem[]; showGroup?: boolean }) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <ul className="event-list">
      {events.map((event) => (
        <li key={event.id} className="event-item">
          <h3 className="event-item__title">
            {event.cancelled ? <span className="badge badge--warn">{t("events.cancelledBadge")}</span> : null}{" "}
            <Link to={`/e/${event.id}`}>{event.title}</Link>
          </h3>
          <p className="muted">
            <time dateTime={event.startsAt}>
              {formatDateTime(new Date(event.startsAt), locale, event.timeZone, { dateStyle: "medium", timeStyle: "short" })}
            </time>
            {event.placeName ? ` · ${event.placeName}` : ""}
            {event.online ? ` · ${t("events.online")}` : ""}
            {showGroup && event.group ? (
              <>
                {" · "}
                <Link to={`/g/${event.group.slug}`}>{event.group.name}</Link>
              </>
            ) : null}
            {" · "}
            {event.capacity === null ? t("events.goingCount", { count: event.going }) : t("events.placesTaken", { going: event.going, capacity: event.capacity })}
            {event.myStatus ? (
              <>
                {" · "}
                <strong>{t(RSVP_KEYS[event.myStatus])}</strong>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The fields of the event form (create and edit). Times are wall-clock times in the chosen zone. */
export function EventFields({
  values,
  errors,
  principles,
  zones,
}: {
  values: Record<string, string>;
  errors: Partial<Record<string, MessageKey>>;
  principles: Array<{ slug: string; label: string }>;
  zones: string[];
}) {
  const t = useTranslate();
  return (
    <>
      <Field name="title" label={t("field.title")} required minLength={3} maxLength={200} defaultValue={values.title} error={errors.title} />
      <TextArea name="description" label={t("events.field.description")} rows={6} maxLength={32000} defaultValue={values.description} error={errors.description} hint={t("editor.hint")} />
      <fieldset className="field">
        <legend>{t("events.field.when")}</legend>
        <Field name="starts" type="datetime-local" label={t("events.field.starts")} required defaultValue={values.starts} error={errors.starts} />
        <Field name="ends" type="datetime-local" label={t("events.field.ends")} required defaultValue={values.ends} error={errors.ends} />
        <div className={errors.timeZone ? "field field--invalid" : "field"}>
          <label htmlFor="field-timeZone">{t("events.field.timeZone")}</label>
          <select
            id="field-timeZone"
            name="timeZone"
            defaultValue={values.timeZone ?? "Europe/Amsterdam"}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={errors.timeZone ? "field-timeZone-error" : undefined}
          >
            {(zones.includes(values.timeZone ?? "") || !values.timeZone ? zones : [values.timeZone, ...zones]).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          {errors.timeZone ? (
            <p className="field__error" id="field-timeZone-error">
              {t(errors.timeZone)}
            </p>
          ) : null}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t("events.field.where")}</legend>
        <Field name="placeName" label={t("events.field.placeName")} maxLength={200} defaultValue={values.placeName} error={errors.placeName} />
        <Field name="placeAddress" label={t("events.field.placeAddress")} maxLength={300} defaultValue={values.placeAddress} error={errors.placeAddress} />
        <Field name="mapUrl" type="url" label={t("events.field.mapUrl")} maxLength={2000} defaultValue={values.mapUrl} error={errors.mapUrl} />
        <Field name="onlineUrl" type="url" label={t("events.field.onlineUrl")} hint={t("events.field.onlineUrl.hint")} maxLength={2000} defaultValue={values.onlineUrl} error={errors.onlineUrl} />
      </fieldset>
      <Field name="capacity" type="number" inputMode="numeric" label={t("events.field.capacity")} hint={t("events.field.capacity.hint")} defaultValue={values.capacity} error={errors.capacity} />
      <Field name="rsvpDeadline" type="datetime-local" label={t("events.field.deadline")} hint={t("events.field.deadline.hint")} defaultValue={values.rsvpDeadline} error={errors.rsvpDeadline} />
      <fieldset className={errors.principles ? "field field--invalid" : "field"}>
        <legend>{t("threads.principleTags")}</legend>
        {principles.map((p) => (
          <label key={p.slug} className="choice">
            <input type="checkbox" name={`principle-${p.slug}`} defaultChecked={values[`principle-${p.slug}`] === "on"} /> {p.label}
          </label>
        ))}
        {errors.principles ? <p className="field__error">{t(errors.principles)}</p> : null}
      </fieldset>
    </>
  );
}
