import { Link } from "@remix-run/react";
import type { EventPage } from "../../domain/events/page.server";
import { useTranslate } from "../../i18n/react";
import { EventWhen } from "../events";

/** When and where a meetup is, the online link (or why it is not shown), who organises it, its principles. */
export function EventFacts({ event, creator, principles, readerZone }: Pick<EventPage, "event" | "creator" | "principles" | "readerZone">) {
  const t = useTranslate();
  return (
    <section aria-labelledby="when-title" className="event__facts">
      <h2 id="when-title">{t("events.field.when")}</h2>
      <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} readerZone={readerZone} />
      <p>
        <a href={`/e/${event.id}/calendar.ics`} className="button button--secondary" download>
          {t("events.addToCalendar")}
        </a>
      </p>
      <h2>{t("events.field.where")}</h2>
      {event.placeName || event.placeAddress ? (
        <p>
          {event.placeName}
          {event.placeName && event.placeAddress ? <br /> : null}
          {event.placeAddress}
          {event.mapUrl ? (
            <>
              <br />
              <a href={event.mapUrl} rel="nofollow noopener noreferrer">
                {t("events.map")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {event.hasOnline ? (
        event.onlineUrl ? (
          <p>
            {t("events.onlineAt")}{" "}
            <a href={event.onlineUrl} rel="nofollow noopener noreferrer">
              {event.onlineUrl}
            </a>
          </p>
        ) : (
          <p className="muted">{t("events.onlineHidden")}</p>
        )
      ) : null}
      <p className="muted">
        {creator ? (
          <>
            {t("events.organisedBy")} <Link to={`/u/${creator.username}`}>{creator.name}</Link>
          </>
        ) : null}
        {principles.length > 0 ? " · " : null}
        {principles.map((p, i) => (
          <span key={p.slug}>
            {i > 0 ? ", " : null}
            <Link to={`/p/${p.slug}`}>{p.label}</Link>
          </span>
        ))}
      </p>
    </section>
  );
}
