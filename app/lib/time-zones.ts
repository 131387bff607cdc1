/**
 * Wall-clock times in IANA zones, with Intl only (no time-zone database of
 * our own): an event is stored as an instant plus the zone it was planned in.
 */

export const DEFAULT_EVENT_ZONE = "Europe/Amsterdam";

export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Calendar fields of an instant as seen in a zone. */
function fieldsIn(zone: string, instant: number) {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (e.g. +3,600,000 for CET). */
export function zoneOffset(zone: string, instant: number): number {
  const f = fieldsIn(zone, instant);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export type WallTimeResult = { ok: true; instant: Date } | { ok: false; reason: "invalid" | "nonexistent" };

/**
 * "2026-03-29T02:30" in a zone → the instant. A time skipped by the change to
 * summer time does not exist (reason "nonexistent"); a time that happens twice
 * when winter time returns is taken as the first (summer-time) one.
 */
export function wallTimeToInstant(wall: string, zone: string): WallTimeResult {
  const m = WALL.exec(wall);
  if (!m) return { ok: false, reason: "invalid" };
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return { ok: false, reason: "invalid" };
  }
  // Try both offsets around the guess; keep those that read back as the same wall time.
  const candidates = [...new Set([zoneOffset(zone, guess - 86_400_000), zoneOffset(zone, guess), zoneOffset(zone, guess + 86_400_000)])]
    .map((offset) => guess - offset)
    .filter((instant) => instantToWallTime(new Date(instant), zone) === wall)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return { ok: false, reason: "nonexistent" };
  return { ok: true, instant: new Date(candidates[0]!) };
}

/** The instant as "YYYY-MM-DDTHH:mm" in a zone (for datetime-local inputs). */
export function instantToWallTime(instant: Date, zone: string): string {
  const f = fieldsIn(zone, instant.getTime());
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** Zones to choose from in forms: the browser's list, Amsterdam first. */
export function timeZoneChoices(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [DEFAULT_EVENT_ZONE, "UTC"];
  return [DEFAULT_EVENT_ZONE, ...all.filter((z) => z !== DEFAULT_EVENT_ZONE)];
}
