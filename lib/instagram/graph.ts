import { env } from "@/lib/env";
import { createGraphClient, type GraphClient } from "./graph-client";
import { keepAliveFetch } from "./keep-alive-fetch";

/**
 * The process's Graph client, built once from the environment (GRAPH_*, INSTAGRAM_APP_*). Every
 * caller — connect flow, maintenance jobs, outbound sends — uses this one, so production and
 * the simulator differ by configuration only and the keep-alive pool is shared.
 */
const store = globalThis as unknown as { __replyflowGraph?: GraphClient };

export function graph(): GraphClient {
  if (!store.__replyflowGraph) {
    const e = env();
    store.__replyflowGraph = createGraphClient({
      graphBaseUrl: e.GRAPH_API_BASE_URL,
      oauthBaseUrl: e.GRAPH_OAUTH_BASE_URL,
      authorizeBaseUrl: e.GRAPH_AUTHORIZE_BASE_URL,
      apiVersion: e.GRAPH_API_VERSION,
      appId: e.INSTAGRAM_APP_ID,
      appSecret: e.INSTAGRAM_APP_SECRET,
      timeoutMs: e.GRAPH_TIMEOUT_MS,
      requireAppsecretProof: e.GRAPH_REQUIRE_APPSECRET_PROOF,
      // Keep-alive node:http(s) agents: every send reuses a warm socket (keep-alive-fetch.ts).
      fetchImpl: keepAliveFetch as unknown as typeof fetch,
    });
  }
  return store.__replyflowGraph;
}

/** Where Instagram sends the browser back after consent; must match the app's configured URI exactly. */
export function oauthRedirectUri(): string {
  return new URL("/api/instagram/callback", env().APP_URL).toString();
}
