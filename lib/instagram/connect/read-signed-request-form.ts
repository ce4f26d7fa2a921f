import { ApiError } from "@/lib/api/errors";
import { ZSignedRequestForm } from "./schemas";

const MAX_BYTES = 16 * 1024;

/**
 * The `signed_request` field of Meta's form POST, read with a size cap before anything is
 * parsed (a real one is a few hundred bytes). Missing or oversized → 400/413, nothing done.
 */
export async function readSignedRequestForm(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_BYTES) throw new ApiError("payload_too_large");
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BYTES) throw new ApiError("payload_too_large");
  const type = request.headers.get("content-type") ?? "";
  // Meta sends a urlencoded form; a JSON body with the same field is accepted for manual replays.
  let fields: unknown;
  if (/^application\/json\b/i.test(type)) {
    try {
      fields = JSON.parse(text);
    } catch {
      fields = null;
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(text));
  }
  const parsed = ZSignedRequestForm.safeParse(fields);
  if (!parsed.success) throw new ApiError("bad_request", "Send the signed_request form field.");
  return parsed.data.signed_request;
}
