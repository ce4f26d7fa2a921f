import { apiRoute, json } from "@/lib/api/route";
import { handleDeauthorize } from "@/lib/instagram/connect/handle-deauthorize";
import { readSignedRequestForm } from "@/lib/instagram/connect/read-signed-request-form";
import { requestMeta } from "@/lib/security/request-meta";

export const dynamic = "force-dynamic";

// POST /api/instagram/deauthorize – Meta's "user removed the app" callback (form field signed_request); 400 problem+json unless Meta signed it
export const POST = apiRoute(async (request, _params, scope) => {
  const signedRequest = await readSignedRequestForm(request);
  const { disconnected } = await handleDeauthorize(signedRequest, scope.log, requestMeta(request.headers));
  return json({ success: true, disconnected });
});
