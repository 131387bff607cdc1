import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export interface CalendarEvent {
  id: number;
  title: string;
  descriptionMarkdown: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  placeName: string;
  placeAddress: string;
  /** Only for someone who is going. */
  onlineUrl: string | null;
  sequence: number;
  cancelled: boolean;
  updatedAt: Date;
}

/**
 * iCalendar text for one or more events (made with ical-generator). The UID
 * is stable per event, SEQUENCE rises with every change and a cancelled event
 * says STATUS:CANCELLED, so calendars update the entry they already have.
 * Times are written in UTC; calendar apps show them in the reader's zone.
 */
export function calendarText(
  origin: string,
  name: string,
  events: CalendarEvent[],
  { method }: { method?: "publish" | "request" | "cancel" } = {},
): string {
  const calendar = ical({
    name,
    prodId: { company: "Goed Werk Netwerk", product: "forum", language: "NL" },
    method: method === "cancel" ? ICalCalendarMethod.CANCEL : method === "request" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  const host = new URL(origin).host;
  for (const event of events) {
    const url = `${origin}/e/${event.id}`;
    calendar.createEvent({
      id: `event-${event.id}@${host}`,
      sequence: event.sequence,
      stamp: event.updatedAt,
      start: event.startsAt,
      end: event.endsAt,
      summary: event.title,
      description: [event.descriptionMarkdown.trim(), event.onlineUrl ? `Online: ${event.onlineUrl}` : "", url].filter(Boolean).join("\n\n"),
      location: [event.placeName, event.placeAddress].filter(Boolean).join(", ") || (event.onlineUrl ?? ""),
      url,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      x: [{ key: "X-GWN-TIMEZONE", value: event.timeZone }],
    });
  }
  return calendar.toString();
}

/** An event row as a calendar entry; the online link only for those who may have it (`policy.canSeeOnlineLink`). */
export function calendarEventOf(
  event: {
    id: number;
    title: string;
    description_markdown: string;
    starts_at: Date;
    ends_at: Date;
    time_zone: string;
    place_name: string;
    place_address: string;
    online_url: string | null;
    sequence: number;
    cancelled_at: Date | null;
    updated_at: Date;
  },
  withOnlineLink: boolean,
): CalendarEvent {
  return {
    id: event.id,
    title: event.title,
    descriptionMarkdown: event.description_markdown,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    timeZone: event.time_zone,
    placeName: event.place_name,
    placeAddress: event.place_address,
    onlineUrl: withOnlineLink ? event.online_url : null,
    sequence: event.sequence,
    cancelled: event.cancelled_at !== null,
    updatedAt: event.updated_at,
  };
}
