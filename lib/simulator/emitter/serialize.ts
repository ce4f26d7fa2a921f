import { createHmac } from "node:crypto";

const NON_ASCII = /[\u0080-\uffff]/g;

function escapeCodeUnit(ch: string): string {
  return "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");
}

/**
 * JSON the way Meta writes webhook bodies: every non-ASCII UTF-16 code unit escaped as
 * lowercase `\uXXXX` (emoji become surrogate pairs `\ud83c\udf89`) and, by default, `/` as
 * `\/`. The signature covers these exact bytes, so a receiver that re-serialises the parsed
 * JSON before checking it fails, as it would against Meta.
 */
export function metaJson(value: unknown, escapeSlashes = true): string {
  let text = JSON.stringify(value).replace(NON_ASCII, escapeCodeUnit);
  // Outside strings JSON has no "/", so replacing them all only touches string contents.
  if (escapeSlashes) text = text.replace(/\//g, "\\/");
  return text;
}

export function signBody(secret: string, raw: Buffer): { sha256: string; sha1: string } {
  return {
    sha256: "sha256=" + createHmac("sha256", secret).update(raw).digest("hex"),
    sha1: "sha1=" + createHmac("sha1", secret).update(raw).digest("hex"),
  };
}
