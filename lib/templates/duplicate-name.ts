import { ApiError } from "@/lib/api/errors";

/** 409 for a name another template of the workspace already has (the unique index said so). */
export const duplicateName = (name: string) =>
  new ApiError("conflict", `A template named "${name}" already exists in this workspace.`, { errors: [{ path: "name", code: "duplicate", message: "Already taken" }] });
