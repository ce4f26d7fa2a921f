import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security/headers";

const config: NextConfig = {
  // Node-only server packages stay out of the bundle (pino's worker threads, BullMQ's Lua files).
  serverExternalPackages: ["pino", "bullmq", "ioredis", "mariadb", "@prisma/adapter-mariadb", "prom-client", "nodemailer"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Type checking is its own step of `npm test` (tsc --noEmit over app, lib, worker, tests and
  // scripts); doing it again inside every build only makes builds slower.
  typescript: { ignoreBuildErrors: true },
  // On every response, static files included (lib/security/headers.ts says why each is there).
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) },
      // Tracked-link redirects must not tell the destination where the click came from; the
      // later entry wins over the catch-all's referrer policy.
      { source: "/r/:code", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default config;
