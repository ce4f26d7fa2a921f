import { env } from "@/lib/env";
import { clientIp } from "./client-ip";

/** Who is asking, as far as HTTP can tell: for rate limits and audit rows. */
export type RequestMeta = { ip?: string; userAgent?: string };

export function requestMeta(headers: Headers): RequestMeta {
  const ua = headers.get("user-agent");
  return { ip: clientIp(headers, env().TRUST_PROXY_HOPS), userAgent: ua ? ua.slice(0, 255) : undefined };
}
