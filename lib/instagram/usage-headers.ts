/**
 * Meta's usage headers (reference §3.2). They appear only "once enough calls have been made",
 * so a missing or unreadable header means "unknown", never an error: every parser here returns
 * undefined instead of throwing.
 */

/** `X-Business-Use-Case-Usage`, reduced to the business use case types we care about. */
export type BucUsage = {
  /** Highest of call_count / total_cputime / total_time across matching entries (0–100+, %). */
  percent: number;
  callCount: number;
  totalCputime: number;
  totalTime: number;
  /** estimated_time_to_regain_access, converted from minutes to ms; set only when non-zero. */
  regainAccessMs?: number;
  /** Business object ids whose entries matched (the IG account id, usually one). */
  objectIds: string[];
};

/** `X-App-Usage`: app-wide platform limits (percent of the hourly budget). */
export type AppUsage = { percent: number; callCount: number; totalCputime: number; totalTime: number };

export type GraphUsage = { buc?: BucUsage; app?: AppUsage };

/** Headers as fetch gives them, or as node:http gives them. */
export type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

// Real headers are a few hundred bytes; cap what we hand to JSON.parse.
const MAX_HEADER_LENGTH = 16_384;
const MS_PER_MINUTE = 60_000;

function parseJson(header: string | null | undefined): unknown {
  if (typeof header !== "string" || header.length === 0 || header.length > MAX_HEADER_LENGTH) return undefined;
  try {
    return JSON.parse(header);
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A non-negative finite number, from a number or numeric string; anything else is undefined. */
function num(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Parses `X-Business-Use-Case-Usage` (`{"<id>":[{type, call_count, total_cputime, total_time,
 * estimated_time_to_regain_access}]}`), keeping entries of `types` and taking the maximum of
 * each figure, since the tightest budget is the one that throttles us.
 */
export function parseBusinessUseCaseUsage(
  header: string | null | undefined,
  types: readonly string[] = ["instagram"],
): BucUsage | undefined {
  const json = parseJson(header);
  if (!isRecord(json)) return undefined;
  let found = false;
  const out: BucUsage = { percent: 0, callCount: 0, totalCputime: 0, totalTime: 0, objectIds: [] };
  let regainMinutes = 0;
  for (const [id, list] of Object.entries(json)) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isRecord(item) || typeof item.type !== "string" || !types.includes(item.type)) continue;
      const callCount = num(item.call_count);
      const cpu = num(item.total_cputime);
      const time = num(item.total_time);
      if (callCount === undefined && cpu === undefined && time === undefined) continue;
      found = true;
      out.callCount = Math.max(out.callCount, callCount ?? 0);
      out.totalCputime = Math.max(out.totalCputime, cpu ?? 0);
      out.totalTime = Math.max(out.totalTime, time ?? 0);
      regainMinutes = Math.max(regainMinutes, num(item.estimated_time_to_regain_access) ?? 0);
      if (!out.objectIds.includes(id)) out.objectIds.push(id);
    }
  }
  if (!found) return undefined;
  out.percent = Math.max(out.callCount, out.totalCputime, out.totalTime);
  if (regainMinutes > 0) out.regainAccessMs = Math.round(regainMinutes * MS_PER_MINUTE);
  return out;
}

/** Parses `X-App-Usage` (`{"call_count":28,"total_cputime":25,"total_time":25}`). */
export function parseAppUsage(header: string | null | undefined): AppUsage | undefined {
  const json = parseJson(header);
  if (!isRecord(json)) return undefined;
  const callCount = num(json.call_count);
  const totalCputime = num(json.total_cputime);
  const totalTime = num(json.total_time);
  if (callCount === undefined && totalCputime === undefined && totalTime === undefined) return undefined;
  const out = { callCount: callCount ?? 0, totalCputime: totalCputime ?? 0, totalTime: totalTime ?? 0 };
  return { ...out, percent: Math.max(out.callCount, out.totalCputime, out.totalTime) };
}

function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const raw = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(raw) ? raw[0] : raw;
}

/** Both headers from a response; keys are present only for headers that parsed. */
export function parseUsageHeaders(headers: HeaderSource, bucTypes?: readonly string[]): GraphUsage {
  const usage: GraphUsage = {};
  try {
    const buc = parseBusinessUseCaseUsage(headerValue(headers, "x-business-use-case-usage"), bucTypes);
    const app = parseAppUsage(headerValue(headers, "x-app-usage"));
    if (buc) usage.buc = buc;
    if (app) usage.app = app;
  } catch {
    // A header object that throws on access is as good as no header.
  }
  return usage;
}
