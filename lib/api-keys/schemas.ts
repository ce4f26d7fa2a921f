import { z } from "zod";
import { API_KEY_SCOPES, type Permission } from "@/lib/tenancy/permissions";

export const ZApiKeyScope = z.enum(API_KEY_SCOPES as [Permission, ...Permission[]]);

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Name the key").max(100, "Use at most 100 characters"),
  // Forms send one checkbox as a string and none as nothing; JSON clients send an array.
  scopes: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(ZApiKeyScope)
      .min(1, "Choose at least one scope")
      .transform((s) => [...new Set(s)]),
  ),
  /** Optional lifetime; without it the key lives until revoked. An empty form field means none. */
  expiresInDays: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1).max(365).optional()),
});
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

export const ZApiKeyId = z.object({ apiKeyId: z.string().min(1).max(32) });
