import { z } from "zod";

export const ZWorkspaceName = z.string().trim().min(1, "Name the workspace").max(100, "Use at most 100 characters");
export const ZCreateWorkspace = z.object({ name: ZWorkspaceName });
export const ZRenameWorkspace = z.object({ name: ZWorkspaceName });
export const ZWorkspaceId = z.object({ workspaceId: z.string().min(1).max(32) });

/** An IANA time zone this runtime knows ("Europe/Berlin"); active hours are evaluated in it. */
export const ZTimeZone = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone");

/** Settings besides the name; form fields arrive as strings, so the number is coerced. */
export const ZWorkspaceSettings = z.object({
  timezone: ZTimeZone,
  retentionDays: z.coerce.number({ message: "Enter a number of days" }).int("Whole days only").min(1, "Keep activity for at least 1 day").max(3650),
});
export type TWorkspaceSettings = z.infer<typeof ZWorkspaceSettings>;
