import { describe, expect, it } from "vitest";
import { describeActiveHours, describeDays, isValidTimeZone, isWithinActiveHours } from "@/lib/automations/active-hours";

const WEEKDAYS = [1, 2, 3, 4, 5];
const office = { days: WEEKDAYS, start: "09:00", end: "17:00" };
const at = (iso: string) => new Date(iso);

describe("isWithinActiveHours", () => {
  it("uses the tenant's time zone, not UTC", () => {
    // Wed 2026-01-14 08:30 UTC is 09:30 in Berlin (CET, +1) and 03:30 in New York (EST, -5)
    expect(isWithinActiveHours(office, "Europe/Berlin", at("2026-01-14T08:30:00Z"))).toBe(true);
    expect(isWithinActiveHours(office, "America/New_York", at("2026-01-14T08:30:00Z"))).toBe(false);
    expect(isWithinActiveHours(office, "UTC", at("2026-01-14T08:30:00Z"))).toBe(false);
  });

  it("treats start as inclusive and end as exclusive", () => {
    expect(isWithinActiveHours(office, "UTC", at("2026-01-14T09:00:00Z"))).toBe(true);
    expect(isWithinActiveHours(office, "UTC", at("2026-01-14T16:59:59Z"))).toBe(true);
    expect(isWithinActiveHours(office, "UTC", at("2026-01-14T17:00:00Z"))).toBe(false);
  });

  it("uses the local weekday: Friday evening in Los Angeles is Saturday in UTC", () => {
    const fridayAt4pmLa = at("2026-01-17T00:00:00Z"); // Fri 16:00 PST (-8) = Sat 00:00 UTC
    expect(isWithinActiveHours(office, "America/Los_Angeles", fridayAt4pmLa)).toBe(true);
    expect(isWithinActiveHours({ ...office, days: [6] }, "America/Los_Angeles", fridayAt4pmLa)).toBe(false);
  });

  it("handles overnight ranges, which belong to the day they start on", () => {
    const nights = { days: [5], start: "22:00", end: "02:00" }; // Friday night
    expect(isWithinActiveHours(nights, "UTC", at("2026-01-16T23:00:00Z"))).toBe(true); // Fri 23:00
    expect(isWithinActiveHours(nights, "UTC", at("2026-01-17T01:30:00Z"))).toBe(true); // Sat 01:30
    expect(isWithinActiveHours(nights, "UTC", at("2026-01-17T02:00:00Z"))).toBe(false); // Sat 02:00
    expect(isWithinActiveHours(nights, "UTC", at("2026-01-16T01:30:00Z"))).toBe(false); // Fri 01:30 belongs to Thursday night
    expect(isWithinActiveHours(nights, "UTC", at("2026-01-17T22:30:00Z"))).toBe(false); // Sat 22:00 is not selected
  });

  it("treats equal start and end as the whole day", () => {
    const weekend = { days: [0, 6], start: "00:00", end: "00:00" };
    expect(isWithinActiveHours(weekend, "UTC", at("2026-01-17T00:00:00Z"))).toBe(true);
    expect(isWithinActiveHours(weekend, "UTC", at("2026-01-18T23:59:00Z"))).toBe(true);
    expect(isWithinActiveHours(weekend, "UTC", at("2026-01-19T00:00:00Z"))).toBe(false);
  });

  it("follows daylight saving: 09:00 Berlin is 08:00 UTC in winter and 07:00 UTC in summer", () => {
    // DST starts in Europe on Sunday 2026-03-29 at 01:00 UTC; use a daily range to include Sunday.
    const daily = { days: [0, 1, 2, 3, 4, 5, 6], start: "09:00", end: "17:00" };
    expect(isWithinActiveHours(daily, "Europe/Berlin", at("2026-03-28T07:30:00Z"))).toBe(false); // 08:30 CET
    expect(isWithinActiveHours(daily, "Europe/Berlin", at("2026-03-29T07:30:00Z"))).toBe(true); // 09:30 CEST
    expect(isWithinActiveHours(daily, "Europe/Berlin", at("2026-03-29T15:30:00Z"))).toBe(false); // 17:30 CEST
  });

  it("handles the repeated hour when clocks go back", () => {
    // US DST ends Sunday 2026-11-01 at 02:00 local: 01:00–02:00 happens twice in New York.
    const lateNight = { days: [0], start: "01:00", end: "02:00" };
    expect(isWithinActiveHours(lateNight, "America/New_York", at("2026-11-01T05:30:00Z"))).toBe(true); // 01:30 EDT
    expect(isWithinActiveHours(lateNight, "America/New_York", at("2026-11-01T06:30:00Z"))).toBe(true); // 01:30 EST
    expect(isWithinActiveHours(lateNight, "America/New_York", at("2026-11-01T07:30:00Z"))).toBe(false); // 02:30 EST
  });

  it("handles zones with half-hour offsets", () => {
    // 03:45 UTC is 09:15 in Kolkata (+05:30)
    expect(isWithinActiveHours(office, "Asia/Kolkata", at("2026-01-14T03:45:00Z"))).toBe(true);
    expect(isWithinActiveHours(office, "Asia/Kolkata", at("2026-01-14T03:15:00Z"))).toBe(false);
  });

  it("throws on an unknown time zone, which isValidTimeZone detects first", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(() => isWithinActiveHours(office, "Mars/Olympus", 0)).toThrow(RangeError);
  });
});

describe("describeActiveHours", () => {
  it("reads like a sentence fragment", () => {
    expect(describeActiveHours(office, "Europe/Berlin")).toBe("Mon–Fri 09:00–17:00 Europe/Berlin");
    expect(describeActiveHours({ days: [5, 6], start: "22:00", end: "02:00" }, "UTC")).toBe("Fri, Sat 22:00–02:00 (overnight) UTC");
    expect(describeActiveHours({ days: [0, 1, 2, 3, 4, 5, 6], start: "08:00", end: "08:00" }, "UTC")).toBe("Every day all day UTC");
  });

  it("collapses runs of days, Monday first, wrapping into Sunday", () => {
    expect(describeDays([1, 3, 5])).toBe("Mon, Wed, Fri");
    expect(describeDays([6, 0])).toBe("Sat, Sun");
    expect(describeDays([5, 6, 0])).toBe("Fri–Sun");
    expect(describeDays([1, 2, 3, 5])).toBe("Mon–Wed, Fri");
  });
});
