"use server";

import { revalidatePath } from "next/cache";
import { tenantAction } from "@/lib/tenancy/tenant-action";
import { renameWorkspace } from "@/lib/workspaces/rename-workspace";
import { ZRenameWorkspace, ZWorkspaceSettings } from "@/lib/workspaces/schemas";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-workspace-settings";

export const renameWorkspaceAction = tenantAction({ permission: "workspace.update", schema: ZRenameWorkspace }, async (ctx, input) => {
  const workspace = await renameWorkspace(ctx, input);
  revalidatePath(`/w/${ctx.tenant.slug}`, "layout");
  return workspace.name;
});

export const updateSettingsAction = tenantAction({ permission: "workspace.update", schema: ZWorkspaceSettings }, async (ctx, input) => {
  const settings = await updateWorkspaceSettings(ctx, input);
  revalidatePath(`/w/${ctx.tenant.slug}/settings`);
  return settings;
});
