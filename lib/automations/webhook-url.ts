import { isIpLiteral, isPublicIp } from "@/lib/security/ip-ranges";

/**
 * Which URLs an outgoing-webhook action may call. A tenant-supplied URL is a server-side request
 * on our infrastructure, so literal loopback, private, link-local (cloud metadata at
 * 169.254.169.254) and internal names are refused here. A public name that *resolves* to a
 * private address can only be caught at connect time: the sender dials through
 * lib/security/public-lookup.ts.
 */

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
  if (isIpLiteral(host)) return isPublicIp(host);
  return !isInternalName(host);
}

/** Production refuses local URLs; the check is inlined at build time in the dashboard bundle too. */
export const ALLOW_LOCALHOST_WEBHOOKS = process.env.NODE_ENV !== "production";
