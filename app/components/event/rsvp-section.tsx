import { Form, Link } from "@remix-run/react";
import type { EventPage } from "../../domain/events/page.server";
import { useTranslate } from "../../i18n/react";
import type { FormFailure } from "../../lib/http.server";
import { Avatar } from "../avatar";
import { RSVP_KEYS } from "../events";
import { FailureMessage } from "../failure-message";
import { Field } from "../form-fields";

/** Who is going, the reader's own answer, and the form to answer (or why they cannot). */
export function RsvpSection({
  event,
  going,
  maybe,
  waitlist,
  mine,
  signedIn,
  can,
  failure,
}: Pick<EventPage, "event" | "going" | "maybe" | "waitlist" | "mine" | "signedIn" | "can"> & { failure: FormFailure | undefined }) {
  const t = useTranslate();
  const values = failure?.values ?? {};
  return (
    <section aria-labelledby="rsvp-title" id="rsvp" className="rsvp">
      <h2 id="rsvp-title">{t("events.rsvp.title")}</h2>
      <p>
        {event.capacity === null
          ? t("events.goingCount", { count: going.length })
          : t("events.placesTaken", { going: going.length, capacity: event.capacity })}
        {waitlist.length > 0 ? ` · ${t("events.waitlistCount", { count: waitlist.length })}` : ""}
      </p>
      {mine ? (
        <p>
          <strong>{t("events.yourAnswer")}</strong> {t(RSVP_KEYS[mine.status])}
          {mine.position ? ` (${t("events.position", { position: mine.position })})` : ""}
        </p>
      ) : null}
      {can.rsvp ? (
        <Form method="post" noValidate>
          <FailureMessage failure={failure && values.intent === "rsvp" ? failure : undefined} />
          <fieldset className="field">
            <legend>{t("events.rsvp.question")}</legend>
            {(["going", "maybe", "not_going"] as const).map((status) => (
              <label key={status} className="choice">
                <input
                  type="radio"
                  name="status"
                  value={status}
                  defaultChecked={(values.status ?? (mine?.status === "waitlist" ? "going" : mine?.status)) === status}
                />{" "}
                {t(RSVP_KEYS[status])}
              </label>
            ))}
          </fieldset>
          <Field
            name="note"
            label={t("events.rsvp.note")}
            maxLength={200}
            defaultValue={values.note ?? mine?.note ?? ""}
            error={values.intent === "rsvp" ? failure?.fieldErrors.note : undefined}
          />
          <button type="submit" name="intent" value="rsvp" className="button">
            {t("events.rsvp.submit")}
          </button>
        </Form>
      ) : !signedIn && !event.cancelled && !event.past ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(`/e/${event.id}`)}`}>{t("events.signInToRsvp")}</Link>
        </p>
      ) : failure ? (
        <FailureMessage failure={failure} />
      ) : event.cancelled || event.past ? null : signedIn ? (
        <p className="muted">{t("events.rsvpClosedOrNotAllowed")}</p>
      ) : null}

      {going.length > 0 ? (
        <>
          <h3>{t("events.rsvp.going")}</h3>
          <People people={going} />
        </>
      ) : null}
      {maybe.length > 0 ? (
        <>
          <h3>{t("events.rsvp.maybe")}</h3>
          <People people={maybe} />
        </>
      ) : null}
      {waitlist.length > 0 ? (
        <>
          <h3>{t("events.rsvp.waitlist")}</h3>
          <ol className="people">
            {waitlist.map((p) => (
              <li key={p.username}>
                <Link to={`/u/${p.username}`}>{p.name}</Link>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function People({ people }: { people: Array<{ username: string; name: string; avatarVersion?: number | null; note: string }> }) {
  return (
    <ul className="people">
      {people.map((p) => (
        <li key={p.username}>
          <Link to={`/u/${p.username}`} className="person">
            <Avatar name={p.name} username={p.username} avatarVersion={p.avatarVersion} size="small" /> {p.name}
          </Link>
          {p.note ? <span className="muted"> — {p.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
