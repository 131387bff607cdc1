import type { EventPage } from "../../domain/events/page.server";
import { JsonLd } from "../json-ld";

/** A meetup of a public circle (or of the whole network) as a schema.org Event; the online link stays on the page. */
export function EventJsonLd({ event, group, origin, description }: { event: EventPage["event"]; group: EventPage["group"]; origin: string; description: string }) {
  return (
    <JsonLd
      data={{
        "@context": "https://schema.org",
        "@type": "Event",
        name: event.title,
        description,
        url: `${origin}/e/${event.id}`,
        startDate: event.startsAt,
        endDate: event.endsAt,
        eventStatus: event.cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
        eventAttendanceMode:
          event.hasOnline && (event.placeName || event.placeAddress)
            ? "https://schema.org/MixedEventAttendanceMode"
            : event.hasOnline
              ? "https://schema.org/OnlineEventAttendanceMode"
              : "https://schema.org/OfflineEventAttendanceMode",
        location: [
          ...(event.placeName || event.placeAddress ? [{ "@type": "Place", name: event.placeName, address: event.placeAddress }] : []),
          // The online link itself is only for those going.
          ...(event.hasOnline ? [{ "@type": "VirtualLocation", url: `${origin}/e/${event.id}` }] : []),
        ],
        organizer: { "@type": "Organization", name: group?.name ?? "Goed Werk Netwerk", url: group ? `${origin}/g/${group.slug}` : origin },
        ...(event.capacity !== null ? { maximumAttendeeCapacity: event.capacity } : {}),
      }}
    />
  );
}
