// Runs once when the Next.js server boots: a bad environment stops it with one clear line,
// before it accepts a single request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    process.env.SERVICE_NAME ??= "web";
    const { exitOnInvalidEnv } = await import("@/lib/env");
    exitOnInvalidEnv("web");
  }
}
