import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export type Spawned = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts a project process (tsx entry or binary) with extra env; output is kept for assertions. */
export function spawnProcess(command: string, args: string[], env: Record<string, string | undefined> = {}): Spawned {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => (out += String(d)));
  child.stderr?.on("data", (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export function spawnTsx(entry: string, env: Record<string, string | undefined> = {}): Spawned {
  return spawnProcess(process.execPath, ["--import", "tsx", entry], env);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls a URL until `accept(status)` or the deadline; bounded, never loops forever. */
export async function waitForUrl(url: string, opts: { timeoutMs?: number; accept?: (status: number) => boolean; proc?: Spawned } = {}): Promise<Response> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let last = "no answer";
  while (Date.now() < deadline) {
    if (opts.proc && opts.proc.child.exitCode !== null) throw new Error(`process exited early:\n${opts.proc.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if ((opts.accept ?? ((s) => s === 200))(res.status)) return res;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready: ${last}${opts.proc ? `\n${opts.proc.output()}` : ""}`);
}
