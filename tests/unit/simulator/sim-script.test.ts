import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

function runSim(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/sim.ts", ...args], {
      env: { ...process.env, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("npm run sim", () => {
  it("stops with one line naming the bad variable", async () => {
    const { code, stderr } = await runSim({ SIM_PORT: "70000", SIM_LOCALE: "fr" });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual(['[sim] Invalid environment: SIM_PORT must be at most 65535; SIM_LOCALE Invalid option: expected one of "en"|"ja"']);
  }, 25_000);

  it("runs a scenario from the command line and exits when asked", async () => {
    const { code, stdout } = await runSim({ SIM_PORT: "0" }, ["--scenario", "dm-burst", "--count", "30", "--duration-ms", "100", "--exit"]);
    expect(code).toBe(0);
    const done = stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l)).find((l) => l.msg === "scenario done, exiting");
    expect(done).toMatchObject({ emitted: 30, errors: 0 });
  }, 25_000);
});
