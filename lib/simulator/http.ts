import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphError, invalidParam } from "./errors";

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the cap the rest is drained and dropped, so the client still gets its 413 envelope.
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > maxBytes) reject(new BodyTooLargeError(`body over ${maxBytes} bytes`));
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

export type BodyKind = "none" | "json" | "form" | "other";

export function bodyKind(contentType: string | undefined, body: Buffer): BodyKind {
  if (body.length === 0) return "none";
  const ct = (contentType ?? "").toLowerCase();
  if (ct.startsWith("application/json")) return "json";
  if (ct.startsWith("application/x-www-form-urlencoded")) return "form";
  return "other";
}

/**
 * Graph reads parameters from the query string and the body alike, and form/query values that
 * hold objects (`recipient={"id":"…"}`) are JSON text. The result merges both (body wins);
 * nested values stay strings here and are decoded by `jsonParam` where an object is expected.
 */
export function graphParams(query: URLSearchParams, body: Buffer, kind: BodyKind): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of query) params[k] = v;
  if (kind === "json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw invalidParam("The request body is not valid JSON");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw invalidParam("The request body must be a JSON object");
    Object.assign(params, parsed);
  } else if (kind === "form") {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = v;
  }
  return params;
}

/** An object parameter that may arrive as JSON text (query/form) or as an object (JSON body). */
export function jsonParam(params: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const raw = params[name];
  if (raw === undefined || raw === "") return undefined;
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      throw invalidParam(`Param ${name} must be a JSON object`);
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw invalidParam(`Param ${name} must be a JSON object`);
  return value as Record<string, unknown>;
}

export function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw invalidParam(`Param ${name} must be a string`);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** `fields=a,b{c,d},e` → top-level names (nested selections are kept as their raw text). */
export type FieldSelection = { name: string; nested: string | null };

export function parseFields(raw: string | undefined): FieldSelection[] | null {
  if (!raw) return null;
  const out: FieldSelection[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const part = raw.slice(start, end).trim();
    if (!part) return;
    const brace = part.indexOf("{");
    const name = (brace === -1 ? part : part.slice(0, brace)).replace(/\..*$/, "").trim();
    out.push({ name, nested: brace === -1 ? null : part.slice(brace + 1, part.lastIndexOf("}")) });
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(raw.length);
  return out;
}

/**
 * Projects a node onto the requested fields, answering Meta's "(#100) Tried accessing
 * nonexisting field" for a name the node type does not have. `id` is always included.
 */
export function selectFields(
  fields: FieldSelection[] | null,
  defaults: readonly string[],
  allowed: Record<string, () => unknown>,
  nodeType: string,
): Record<string, unknown> {
  const names = fields ? fields.map((f) => f.name) : defaults;
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const getter = allowed[name];
    if (!getter) throw new GraphError("nonexistingField", { field: name, node: nodeType });
    const value = getter();
    if (value !== undefined) out[name] = value;
  }
  if (!("id" in out) && allowed.id) out.id = allowed.id();
  return out;
}
