import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

export type WrkResult = { requests: number; rps: number; non2xx: number; p50ms: number; p99ms: number; errors: number };

const LUA = `
local lines = {}
local n = 0
local i = 0
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end
function init(args)
  local threads = tonumber(os.getenv("WRK_THREADS"))
  local k = 0
  for line in io.lines(os.getenv("WRK_BODIES")) do
    if k % threads == tid then
      local tab = string.find(line, "\\t", 1, true)
      n = n + 1
      lines[n] = wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = string.sub(line, 1, tab - 1) }, string.sub(line, tab + 1))
    end
    k = k + 1
  end
end
function request()
  i = i + 1
  if i > n then i = 1 end
  return lines[i]
end
`;

function toMs(v: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(v);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
}

/** Runs wrk against `url`, each request a pre-signed body from `bodiesFile` (sig<TAB>body per line). */
export function runWrk(url: string, bodiesFile: string, opts: { threads: number; connections: number; seconds: number }): WrkResult {
  const script = `${bodiesFile}.lua`;
  writeFileSync(script, LUA);
  const r = spawnSync(
    "wrk",
    ["-t", String(opts.threads), "-c", String(opts.connections), "-d", `${opts.seconds}s`, "--latency", "--timeout", "10s", "-s", script, url],
    { encoding: "utf8", env: { ...process.env, WRK_BODIES: bodiesFile, WRK_THREADS: String(opts.threads) } },
  );
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
  const out = r.stdout;
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return {
    requests,
    rps,
    non2xx,
    errors,
    p50ms: toMs(/\s50%\s+([\d.]+\w+)/.exec(out)?.[1] ?? ""),
    p99ms: toMs(/\s99%\s+([\d.]+\w+)/.exec(out)?.[1] ?? ""),
  };
}
