import { handleRedirect } from "@/lib/links/handle-redirect";

// GET /r/{code} – tracked link in a DM: counts the click and redirects; 404 that reveals nothing otherwise
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ code: string }> }) {
  const { code } = await context.params;
  return handleRedirect(request, code);
}
