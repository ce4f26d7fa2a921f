import { withTenantApi } from "@/lib/tenancy/with-tenant-api";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { renameWorkspace } from "@/lib/workspaces/rename-workspace";
import { ZRenameWorkspace, ZWorkspaceId } from "@/lib/workspaces/schemas";

// The workspace is named by the path here, not by x-workspace: it is the resource itself.
const workspace = { params: ZWorkspaceId, workspaceParam: "workspaceId" } as const;

// GET /api/v1/workspaces/{workspaceId}
export const GET = withTenantApi({ ...workspace, permission: "workspace.read" }, async (ctx) => getWorkspace(ctx));

// PATCH /api/v1/workspaces/{workspaceId} – rename
export const PATCH = withTenantApi({ ...workspace, permission: "workspace.update", body: ZRenameWorkspace }, async (ctx, { body }) =>
  renameWorkspace(ctx, body),
);
