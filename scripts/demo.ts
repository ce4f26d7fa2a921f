import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Runs the whole product locally: writes a .env when there is none (fresh secrets, a demo
 * database), generates the Prisma client, migrates, seeds, builds, then starts every process
 * and prints the URL. Ctrl-C stops everything it started.
 */
const WEB_PORT = Number(process.env.PORT ?? 3000);

function ensureDotEnv(): void {
  if (existsSync(".env")) return;
  const example = readFileSync(".env.example", "utf8");
  const filled = example
    .replace(/^NODE_ENV=.*$/m, "NODE_ENV=production")
    .replace(/^DATABASE_URL=.*$/m, "DATABASE_URL=mysql://root@127.0.0.1:3306/replyflow_demo")
    .replace(/^AUTH_SECRET=.*$/m, `AUTH_SECRET=${randomBytes(32).toString("base64url")}`)
    .replace(/^TOKEN_ENCRYPTION_KEYS=.*$/m, `TOKEN_ENCRYPTION_KEYS=k1:${randomBytes(32).toString("base64")}`)
    .replace(/^APP_URL=.*$/m, `APP_URL=http://localhost:${WEB_PORT}`);
  writeFileSync(".env", filled, { mode: 0o600 });
  process.stdout.write("demo: wrote .env with fresh secrets (edit it to point at your own services)\n");
}

function run(label: string, cmd: string, args: string[]): void {
  process.stdout.write(`demo: ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`demo: "${label}" failed (exit ${r.status})\n`);
    process.exit(r.status ?? 1);
  }
}

ensureDotEnv();
process.loadEnvFile(".env");
process.env.NEXT_TELEMETRY_DISABLED = "1";
// The demo runs the production build; `next build` breaks under NODE_ENV=development.
Object.assign(process.env, { NODE_ENV: "production" });
const tsx = [process.execPath, "--import", "tsx"] as const;

run("generating the Prisma client", tsx[0], [...tsx.slice(1), "scripts/prisma-generate.ts"]);
run("migrating the database", tsx[0], [...tsx.slice(1), "scripts/migrate.ts"]);
run("seeding plans and the demo workspace", tsx[0], [...tsx.slice(1), "prisma/seed.ts", "--demo"]);
run("building the web app", process.execPath, ["node_modules/next/dist/bin/next", "build"]);

const children: { name: string; proc: ChildProcess }[] = [];
function start(name: string, args: string[], env: Record<string, string> = {}): void {
  const proc = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  proc.on("exit", (code, signal) => {
    if (!stopping) {
      process.stderr.write(`demo: ${name} exited (${signal ?? code}); stopping everything\n`);
      void stop(1);
    }
  });
  children.push({ name, proc });
}

let stopping = false;
async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write("\ndemo: stopping every process it started…\n");
  for (const c of children) c.proc.kill("SIGTERM");
  const deadline = setTimeout(() => children.forEach((c) => c.proc.kill("SIGKILL")), 30_000);
  await Promise.all(children.map((c) => (c.proc.exitCode !== null ? null : new Promise((r) => c.proc.once("exit", r)))));
  clearTimeout(deadline);
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

start("web", ["node_modules/next/dist/bin/next", "start", "-p", String(WEB_PORT)], { SERVICE_NAME: "web" });
start("worker", [...tsx.slice(1), "worker/index.ts"], { SERVICE_NAME: "worker" });

// Wait until the web app is ready, then tell the person where to go.
const deadline = Date.now() + 120_000;
while (Date.now() < deadline) {
  try {
    const res = await fetch(`http://127.0.0.1:${WEB_PORT}/api/health/ready`);
    if (res.ok) break;
  } catch {
    /* not listening yet */
  }
  await new Promise((r) => setTimeout(r, 500));
}
process.stdout.write(
  `\n  Replyflow is running: http://localhost:${WEB_PORT}\n` +
    `  Health:              http://localhost:${WEB_PORT}/api/health\n` +
    `  Worker health:       http://localhost:${process.env.WORKER_HEALTH_PORT ?? 3200}/readyz\n` +
    "  Ctrl-C stops everything.\n\n",
);
