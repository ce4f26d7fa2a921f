import { readinessResponse, webReadiness } from "@/lib/health/web-readiness";

// GET /api/health – aggregate: liveness, readiness of every dependency, version and uptime.
export const dynamic = "force-dynamic";

export async function GET() {
  return readinessResponse(await webReadiness(), {
    service: "web",
    version: process.env.npm_package_version ?? "0.1.0",
    uptimeSeconds: Math.round(process.uptime()),
  });
}
