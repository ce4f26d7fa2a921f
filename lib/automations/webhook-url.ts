/**
 * Which URLs an outgoing-webhook action may call. A tenant-supplied URL is a server-side request
 * on our infrastructure, so literal loopback, private, link-local (cloud metadata at
 * 169.254.169.254) and internal names are refused here. A public name that *resolves* to a
 * private address can only be caught at connect time; the sender must check that too.
 */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isPrivateIpv4(host: string): boolean {
  const m = IPV4.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

function isPrivateIpv6(host: string): boolean {
  if (!host.startsWith("[")) return false;
  const h = host.slice(1, -1).toLowerCase();
  return h === "::" || h === "::1" || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith("::ffff:");
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isInternalName(host: string): boolean {
  return !host.includes(".") || /\.(local|internal|lan|home|corp|intranet)$/.test(host);
}

/**
 * https to a public host always; plain http (or https) to loopback only when `allowLocalhost`
 * (development, so a developer can point a webhook at a local listener).
 */
export function isAllowedWebhookUrl(raw: string, allowLocalhost: boolean): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false; // credentials in URLs end up in logs
  const host = url.hostname.toLowerCase();
  if (isLoopback(host)) return allowLocalhost && (url.protocol === "http:" || url.protocol === "https:");
  if (url.protocol !== "https:") return false;
  if (host.startsWith("[")) return !isPrivateIpv6(host);
  return !isPrivateIpv4(host) && !isInternalName(host);
}

/** Production refuses local URLs; the check is inlined at build time in the dashboard bundle too. */
export const ALLOW_LOCALHOST_WEBHOOKS = process.env.NODE_ENV !== "production";
