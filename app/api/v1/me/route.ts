import { withPrincipalApi } from "@/lib/api/with-principal-api";
import { describePrincipal } from "@/lib/auth/describe-principal";

// GET /api/v1/me – the signed-in user, or the API key and its workspace
export const GET = withPrincipalApi({}, async ({ principal }) => describePrincipal(principal));
