import type { z } from "zod";
import { ApiError } from "./errors";

/** JSON bodies above this are refused before parsing; no /api/v1 resource is anywhere near it. */
export const MAX_JSON_BYTES = 64 * 1024;

/** Reads and validates a JSON body: 415 when not JSON, 413 when too large, 400 when malformed, 422 when invalid. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new ApiError("unsupported_media_type");
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_JSON_BYTES) throw new ApiError("payload_too_large");
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new ApiError("payload_too_large");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "The body is not valid JSON.");
  }
  return schema.parse(json);
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}

export function parseParams<S extends z.ZodType>(params: Record<string, string | string[]>, schema: S): z.infer<S> {
  return schema.parse(params);
}
