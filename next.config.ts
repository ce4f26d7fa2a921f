import type { NextConfig } from "next";

const config: NextConfig = {
  // Node-only server packages stay out of the bundle (pino's worker threads, BullMQ's Lua files).
  serverExternalPackages: ["pino", "bullmq", "ioredis", "mariadb", "@prisma/adapter-mariadb", "prom-client"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default config;
