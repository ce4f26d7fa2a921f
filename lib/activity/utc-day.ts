/**
 * Days in the dashboard's charts and in DailyStat are UTC calendar days: a rollup is a fixed
 * range of rows whatever the viewer's time zone, and one row per day serves every member.
 */
export const DAY_MS = 86_400_000;

export function startOfUtcDay(at: Date | number): Date {
  const d = new Date(at);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function addUtcDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** "2026-03-14" */
export function formatUtcDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function eachUtcDay(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  for (let d = startOfUtcDay(from); d <= to; d = addUtcDays(d, 1)) days.push(d);
  return days;
}
