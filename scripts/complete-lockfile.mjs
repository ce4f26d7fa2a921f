// The npm registry this project installs from serves only the Linux builds of packages that
// ship per-platform binaries (@next/swc-*, @esbuild/*, …); it answers 404 for the others, so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock file
// as "out of sync". This adds the missing optional entries, marked optional and limited to
// their platform (from the package name), so `npm ci` accepts the lock and skips them.
// Run after any `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const pkgs = lock.packages;

const OS = ["darwin", "win32", "freebsd", "android", "openbsd", "sunos", "aix", "netbsd", "linux", "openharmony", "wasm32", "wasi"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasm32"];
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c) || parts.some((p) => p.startsWith(c)));
  const libc = parts.includes("musl") ? "musl" : parts.includes("gnu") || parts.some((p) => p.startsWith("gnu")) ? "glibc" : undefined;
  return { os, cpu, libc };
}

function resolves(fromPath, dep) {
  // Node's resolution: look in nested node_modules from the requiring package up to the root.
  let base = fromPath;
  for (;;) {
    const candidate = (base ? `${base}/` : "") + `node_modules/${dep}`;
    if (pkgs[candidate]) return true;
    const idx = base.lastIndexOf("/node_modules/");
    if (base === "") return false;
    base = idx === -1 ? "" : base.slice(0, idx);
  }
}

let added = 0;
for (const [path, meta] of Object.entries({ ...pkgs })) {
  for (const [dep, range] of Object.entries(meta.optionalDependencies ?? {})) {
    if (resolves(path, dep)) continue;
    const { os, cpu, libc } = platformOf(dep);
    // A missing build for this very platform is a real problem: leave it visible to npm ci.
    if (!os || (os === process.platform && (!cpu || cpu === process.arch))) continue;
    const version = String(range).replace(/^[\^~=]/, "");
    pkgs[`node_modules/${dep}`] = {
      version,
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lockfile: added ${added} platform-specific optional entries`);
