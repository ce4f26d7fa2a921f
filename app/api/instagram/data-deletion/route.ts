import { apiRoute, json } from "@/lib/api/route";
import { readSignedRequestForm } from "@/lib/instagram/connect/read-signed-request-form";
import { requestDataDeletion } from "@/lib/instagram/connect/request-data-deletion";
import { requestMeta } from "@/lib/security/request-meta";

export const dynamic = "force-dynamic";

// POST /api/instagram/data-deletion – Meta's data-deletion callback (form field signed_request); answers { url, confirmation_code }
export const POST = apiRoute(async (request, _params, scope) => {
  const signedRequest = await readSignedRequestForm(request);
  return json(await requestDataDeletion(signedRequest, scope.log, requestMeta(request.headers)));
});
