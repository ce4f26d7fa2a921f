/**
 * Numbers, durations and times as the dashboard shows them. Pure, so server components and
 * client components print the same thing (no hydration mismatch from a second formatter).
 */

const NUMBER = new Intl.NumberFormat("en-US");

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** 8 s, 4 min, 2 h 5 min, 3 days. Rounded the way a person would say it. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h < 48) return rest ? `${h} h ${rest} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago"; null → "never". */
export function formatAgo(iso: string | Date | null, now: Date): string {
  if (!iso) return "never";
  const ms = now.getTime() - new Date(iso).getTime();
  if (ms < 45_000) return "just now";
  return `${formatDuration(ms)} ago`;
}

/** "Nov 22, 14:03" in the workspace's time zone (falls back to UTC on an unknown zone). */
export function formatDateTime(iso: string | Date, timeZone: string): string {
  const d = new Date(iso);
  const opts: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  try {
    return d.toLocaleString("en-US", { ...opts, timeZone });
  } catch {
    return d.toLocaleString("en-US", { ...opts, timeZone: "UTC" });
  }
}

/** "Nov 22" for a UTC day key "2026-11-22". */
export function formatDayKey(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** "14:00" (UTC) for an hour's ISO start. */
export function formatHour(iso: string): string {
  return new Date(iso).toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
}
