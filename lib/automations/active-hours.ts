/**
 * Active hours in the tenant's IANA time zone, computed with Intl only. Local wall-clock time is
 * derived from the instant on every call, so daylight-saving changes need no special cases: on
 * the spring-forward day a 09:00 start is still 09:00 local, one hour earlier in UTC.
 */

export type TActiveHoursInput = {
  /** 0 = Sunday … 6 = Saturday, as in `Date#getDay`. */
  days: readonly number[];
  /** "HH:MM", 24-hour. */
  start: string;
  end: string;
};

const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Weekday (0 = Sunday) and minutes since local midnight at `now` in `timeZone`. Throws RangeError for an unknown zone. */
export function localWeekMinute(timeZone: string, now: Date | number): { weekday: number; minutes: number } {
  const parts = formatterFor(timeZone).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = Number(get("hour")) % 24; // some ICU versions print midnight as "24"
  return { weekday: WEEKDAY_INDEX[get("weekday")] ?? 0, minutes: hour * 60 + Number(get("minute")) };
}

export function parseHhMm(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`Invalid time "${hhmm}", expected HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Start is inclusive, end exclusive. `start === end` means the whole day. When end is before
 * start the range runs overnight and belongs to the day it starts on: "Fri 22:00–02:00" covers
 * Saturday 01:00 but not Friday 01:00.
 */
export function isWithinActiveHours(activeHours: TActiveHoursInput, timeZone: string, now: Date | number): boolean {
  const { weekday, minutes } = localWeekMinute(timeZone, now);
  const start = parseHhMm(activeHours.start);
  const end = parseHhMm(activeHours.end);
  const on = (day: number) => activeHours.days.includes(day);
  if (start === end) return on(weekday);
  if (start < end) return on(weekday) && minutes >= start && minutes < end;
  return (on(weekday) && minutes >= start) || (on((weekday + 6) % 7) && minutes < end);
}

/** "Mon–Fri", "Mon, Wed, Fri", "Sat–Sun", "Every day": Monday-first, consecutive runs collapsed. */
export function describeDays(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 7) return "Every day";
  const order = [1, 2, 3, 4, 5, 6, 0].filter((d) => set.has(d));
  const runs: number[][] = [];
  for (const d of order) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev !== undefined && (prev + 1) % 7 === d) run.push(d);
    else runs.push([d]);
  }
  return runs
    .map((r) => (r.length >= 3 ? `${DAY_NAMES[r[0]!]}–${DAY_NAMES[r[r.length - 1]!]}` : r.map((d) => DAY_NAMES[d]).join(", ")))
    .join(", ");
}

/** "Mon–Fri 09:00–17:00 Europe/Berlin", for reasons shown to users. */
export function describeActiveHours(activeHours: TActiveHoursInput, timeZone: string): string {
  const hours =
    activeHours.start === activeHours.end
      ? "all day"
      : `${activeHours.start}–${activeHours.end}${parseHhMm(activeHours.end) < parseHhMm(activeHours.start) ? " (overnight)" : ""}`;
  return `${describeDays(activeHours.days)} ${hours} ${timeZone}`;
}
