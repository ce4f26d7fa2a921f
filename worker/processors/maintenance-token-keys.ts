import { rotateTokenKeysJob } from "@/lib/instagram/connect/jobs";
import { rotateTokenKeys } from "@/lib/instagram/connect/rotate-token-keys";
import type { JobHandler } from "./registry";

/** Re-encrypts stored tokens under the keyring's current key (TOKEN_ENCRYPTION_KEYS rotation). */
export const tokenKeyHandlers: Record<string, JobHandler> = {
  [rotateTokenKeysJob.name]: async (job, { log }) => {
    rotateTokenKeysJob.schema.parse(job.data);
    return rotateTokenKeys(log);
  },
};
