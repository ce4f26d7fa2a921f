/**
 * The client's IP from X-Forwarded-For. Proxies append the address they saw, so the entry
 * `hops` from the right is the one our own infrastructure wrote; anything further left was
 * supplied by the client and cannot be trusted. Next.js fills the header with the socket
 * address when no proxy did (TRUST_PROXY_HOPS, lib/env.ts).
 */
export function clientIp(headers: Headers, hops: number): string | undefined {
  const raw = headers.get("x-forwarded-for");
  if (!raw) return undefined;
  const entries = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = entries[Math.max(0, entries.length - hops)];
  return picked ? normalizeIp(picked) : undefined;
}

/** `::ffff:1.2.3.4` and `1.2.3.4` are one client; columns and limiter keys hold 45 chars at most. */
function normalizeIp(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return (v4?.[1] ?? ip).slice(0, 45);
}
