import type { SimContext } from "./context";
import { fieldSpellings, WEBHOOK_FIELDS } from "./emitter";
import { invalidParam } from "./errors";
import { authenticate, gate, requireSelf, respond, type GraphRequest } from "./graph-request";
import type { Account } from "./world";

/**
 * `POST/GET/DELETE /{ig-id|me}/subscribed_apps` (reference §1.1): per-account webhook field
 * state. POST replaces the list; one unknown field fails the whole call, as on Meta. The
 * emitter delivers an event only if its account is subscribed to the event's field.
 */
export async function handleSubscribedApps(ctx: SimContext, gr: GraphRequest, nodeId: string): Promise<void> {
  const authed = authenticate(ctx, gr);
  const account = requireSelf(authed, nodeId, gr.method);
  if (gr.method === "POST") {
    const fields = parseFieldList(gr.params.subscribed_fields);
    await gate(ctx, gr, account, "subscriptions", "buc");
    account.subscribedFields = new Set(fields);
    return respond(gr, { success: true });
  }
  await gate(ctx, gr, account, "subscriptions", "buc");
  if (gr.method === "DELETE") {
    account.subscribedFields = new Set();
    return respond(gr, { success: true });
  }
  const fields = [...account.subscribedFields];
  respond(gr, { data: fields.length ? [{ id: ctx.options.appId, name: "Replyflow", subscribed_fields: fields }] : [] });
}

function parseFieldList(raw: unknown): string[] {
  if (raw === undefined || raw === "") throw invalidParam("The parameter subscribed_fields is required");
  let list: unknown[];
  if (Array.isArray(raw)) list = raw;
  else if (typeof raw === "string") list = raw.trim().startsWith("[") ? parseJsonArray(raw) : raw.split(",");
  else throw invalidParam("Param subscribed_fields must be a list of field names");
  const fields = list.map((f) => (typeof f === "string" ? f.trim() : f));
  fields.forEach((f, i) => {
    if (typeof f !== "string" || !(WEBHOOK_FIELDS as readonly string[]).includes(f)) {
      throw invalidParam(`Param subscribed_fields[${i}] must be one of {${WEBHOOK_FIELDS.join(", ")}} - got "${String(f)}"`);
    }
  });
  return [...new Set(fields as string[])];
}

function parseJsonArray(raw: string): unknown[] {
  try {
    const v: unknown = JSON.parse(raw);
    if (Array.isArray(v)) return v;
  } catch {
    // fall through to the error below
  }
  throw invalidParam("Param subscribed_fields must be a list of field names");
}

export function isSubscribed(account: Account | undefined, field: string): boolean {
  if (!account || account.subscribedFields.size === 0) return false;
  for (const f of fieldSpellings(field)) if (account.subscribedFields.has(f)) return true;
  return false;
}
