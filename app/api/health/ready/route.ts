import { readinessResponse, webReadiness } from "@/lib/health/web-readiness";

// GET /api/health/ready – 200 when MySQL primary and Redis answer, else 503 naming what failed.
export const dynamic = "force-dynamic";

export async function GET() {
  return readinessResponse(await webReadiness());
}
