import { createSimulator, type Simulator } from "@/lib/simulator";
import { env } from "@/lib/env";
import { createLogger } from "@/lib/logger";

/**
 * An in-process Graph API simulator that the app's own Graph client talks to: same app id and
 * Instagram app secret as the test environment, our callback as its registered redirect URI.
 * Call before anything reads env(): GRAPH_* is set here and env() caches its first parse.
 */
export async function startSimulatorForApp(): Promise<Simulator> {
  const sim = await createSimulator(
    {
      port: 0,
      appId: process.env.INSTAGRAM_APP_ID!,
      instagramAppSecret: process.env.INSTAGRAM_APP_SECRET!,
      redirectUris: [new URL("/api/instagram/callback", process.env.APP_URL!).toString()],
    },
    { logger: createLogger({ level: "silent" }) },
  );
  for (const name of ["GRAPH_API_BASE_URL", "GRAPH_OAUTH_BASE_URL", "GRAPH_AUTHORIZE_BASE_URL"]) process.env[name] = sim.url;
  if (env().GRAPH_API_BASE_URL !== sim.url) throw new Error("env() was parsed before the simulator started; start it first");
  (globalThis as { __replyflowGraph?: unknown }).__replyflowGraph = undefined;
  return sim;
}

/** The long-lived tokens the simulator has issued for an account, newest last. */
export function longTokens(sim: Simulator, accountId: string): string[] {
  return sim.admin
    .tokens(accountId)
    .filter((t) => t.kind === "long")
    .map((t) => t.token);
}
