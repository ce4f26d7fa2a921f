/**
 * Meta mixes 10-digit seconds (entry.time, mention and dashboard-test payloads, sometimes as
 * strings) with 13-digit milliseconds (messaging timestamps). Normalise by magnitude to ms.
 */
const SECONDS_BELOW = 1e11; // 1e11 s is the year 5138; 1e11 ms is 1973: nothing real is between.
const MICROS_FROM = 1e14; // defensive: a 16-digit value can only be microseconds.

export function toEpochMs(value: unknown): number | undefined {
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^\d{1,17}(\.\d+)?$/.test(value.trim())) n = Number(value.trim());
  else if (typeof value === "string" && value.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(value)) n = Date.parse(value);
  else return undefined;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  if (n < SECONDS_BELOW) return Math.round(n * 1000);
  if (n >= MICROS_FROM) return Math.round(n / 1000);
  return Math.round(n);
}
