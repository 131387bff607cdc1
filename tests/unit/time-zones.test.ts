import { describe, expect, it } from "vitest";
import { instantToWallTime, isTimeZone, wallTimeToInstant, zoneOffset } from "../../app/lib/time-zones";

describe("wall-clock times in a zone", () => {
  it("knows real IANA zones and refuses made-up ones", () => {
    expect(isTimeZone("Europe/Amsterdam")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("../../etc/passwd")).toBe(false);
  });

  it("turns Amsterdam wall times into instants in winter and in summer", () => {
    expect(wallTimeToInstant("2026-01-15T19:30", "Europe/Amsterdam")).toEqual({ ok: true, instant: new Date("2026-01-15T18:30:00Z") });
    expect(wallTimeToInstant("2026-07-15T19:30", "Europe/Amsterdam")).toEqual({ ok: true, instant: new Date("2026-07-15T17:30:00Z") });
    expect(zoneOffset("Europe/Amsterdam", Date.parse("2026-07-15T12:00:00Z"))).toBe(2 * 3600_000);
  });

  it("handles the March change: the skipped hour does not exist, the hours around it do", () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(wallTimeToInstant("2026-03-29T01:59", "Europe/Amsterdam")).toEqual({ ok: true, instant: new Date("2026-03-29T00:59:00Z") });
    expect(wallTimeToInstant("2026-03-29T02:30", "Europe/Amsterdam")).toEqual({ ok: false, reason: "nonexistent" });
    expect(wallTimeToInstant("2026-03-29T03:00", "Europe/Amsterdam")).toEqual({ ok: true, instant: new Date("2026-03-29T01:00:00Z") });
  });

  it("handles the October change: the repeated hour is taken as its first occurrence", () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    expect(wallTimeToInstant("2026-10-25T02:30", "Europe/Amsterdam")).toEqual({ ok: true, instant: new Date("2026-10-25T00:30:00Z") });
    expect(wallTimeToInstant("2026-10-25T03:30", "Europe/Amsterdam")).toEqual({ ok: true, instant: new Date("2026-10-25T02:30:00Z") });
    // An evening across the change lasts an hour longer than the clock says.
    const start = wallTimeToInstant("2026-10-24T22:00", "Europe/Amsterdam");
    const end = wallTimeToInstant("2026-10-25T06:00", "Europe/Amsterdam");
    expect(start.ok && end.ok && end.instant.getTime() - start.instant.getTime()).toBe(9 * 3600_000);
  });

  it("reads instants back as wall times in any zone", () => {
    const instant = new Date("2026-03-29T01:00:00Z");
    expect(instantToWallTime(instant, "Europe/Amsterdam")).toBe("2026-03-29T03:00");
    expect(instantToWallTime(instant, "America/New_York")).toBe("2026-03-28T21:00");
    expect(instantToWallTime(instant, "Asia/Kolkata")).toBe("2026-03-29T06:30");
  });

  it("refuses impossible dates", () => {
    expect(wallTimeToInstant("2026-02-30T10:00", "Europe/Amsterdam")).toEqual({ ok: false, reason: "invalid" });
    expect(wallTimeToInstant("2026-01-01T24:00", "Europe/Amsterdam")).toEqual({ ok: false, reason: "invalid" });
    expect(wallTimeToInstant("morgen", "Europe/Amsterdam")).toEqual({ ok: false, reason: "invalid" });
  });
});
