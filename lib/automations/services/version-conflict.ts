import { ApiError } from "@/lib/api/errors";

/** 409 when an edit was based on a version someone else has replaced meanwhile. */
export function versionConflict(expected: number, current: number): ApiError {
  return new ApiError("version_conflict", `This automation is at version ${current}, not ${expected}: someone saved it meanwhile. Reload it and apply your change again.`, {
    errors: [{ path: "expectedVersion", code: "version_conflict", message: `Current version is ${current}` }],
  });
}
