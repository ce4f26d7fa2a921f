import NextAuth from "next-auth";
import { buildAuthConfig } from "./config";

type Instance = ReturnType<typeof NextAuth>;
let instance: Instance | undefined;

/**
 * The next-auth instance, built on first use rather than at import: `next build` imports route
 * modules without a runtime environment, and the config reads AUTH_SECRET from lib/env.
 */
export function nextAuth(): Instance {
  instance ??= NextAuth(buildAuthConfig());
  return instance;
}
