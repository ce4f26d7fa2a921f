import { spawn } from "node:child_process";
import mariadb from "mariadb";
import { migrate } from "@/lib/db/migrate";

/**
 * The e2e run's web server: a fresh database (dropped and migrated), then `next start` on the
 * production build. Playwright starts and stops it.
 */
const url = new URL(process.env.DATABASE_URL!);
const name = url.pathname.slice(1);
if (!name.startsWith("rf_e2e")) throw new Error(`e2e refuses to reset ${name}`);
const conn = await mariadb.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
await conn.end();
await migrate(url.toString());
const { seedPlans } = await import("@/prisma/seed-data");
await seedPlans();

const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", process.env.PORT ?? "3300", "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: process.env,
});
for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => next.kill(sig));
next.on("exit", (code) => process.exit(code ?? 0));
