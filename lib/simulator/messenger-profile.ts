import type { SimContext } from "./context";
import { invalidParam } from "./errors";
import { authenticate, gate, requireScope, requireSelf, respond, type GraphRequest } from "./graph-request";
import { jsonParam, stringParam } from "./http";
import { SCOPES } from "./tokens";

/**
 * `POST/GET/DELETE /{ig-id|me}/messenger_profile` (reference §2.7): ice breakers (at most 4
 * questions per locale, a `default` locale required) and the persistent menu.
 */
const ICE_BREAKERS_MAX = 4;
const MENU_ITEMS_MAX = 20;
const PROFILE_FIELDS = ["ice_breakers", "persistent_menu"] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

function str(v: unknown, path: string, max: number): string {
  if (typeof v !== "string" || v === "") throw invalidParam(`Param ${path} must be a non-empty string`);
  if ([...v].length > max) throw invalidParam(`Param ${path} must be at most ${max} characters`);
  return v;
}

function localeList(raw: unknown, name: ProfileField, validateItem: (item: Obj, path: string) => void, maxItems: number): Obj[] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalidParam(`Param ${name} must be a non-empty array`);
  const locales = new Set<string>();
  raw.forEach((entry: unknown, i) => {
    if (!isObj(entry)) throw invalidParam(`Param ${name}[${i}] must be an object`);
    const locale = str(entry.locale, `${name}[${i}][locale]`, 10);
    if (locales.has(locale)) throw invalidParam(`Param ${name} has locale ${locale} twice`);
    locales.add(locale);
    if (name === "persistent_menu" && entry.composer_input_disabled === true) throw invalidParam("composer_input_disabled is not available on Instagram");
    const actions = entry.call_to_actions;
    if (!Array.isArray(actions) || actions.length === 0) throw invalidParam(`Param ${name}[${i}][call_to_actions] must be a non-empty array`);
    if (actions.length > maxItems) throw invalidParam(`Param ${name}[${i}][call_to_actions] must have at most ${maxItems} items`);
    actions.forEach((a: unknown, j) => {
      const path = `${name}[${i}][call_to_actions][${j}]`;
      if (!isObj(a)) throw invalidParam(`Param ${path} must be an object`);
      validateItem(a, path);
    });
  });
  if (!locales.has("default")) throw invalidParam(`Param ${name} must include an entry with locale "default"`);
  return raw as Obj[];
}

const iceBreaker = (a: Obj, path: string) => {
  str(a.question, `${path}[question]`, 80);
  str(a.payload, `${path}[payload]`, 1000);
};

const menuItem = (a: Obj, path: string) => {
  str(a.title, `${path}[title]`, 30);
  if (a.type === "postback") str(a.payload, `${path}[payload]`, 1000);
  else if (a.type === "web_url") {
    const url = str(a.url, `${path}[url]`, 2000);
    if (!URL.canParse(url)) throw invalidParam(`Param ${path}[url] must be a valid URL`);
  } else throw invalidParam(`Param ${path}[type] must be one of {postback, web_url}`);
};

function fieldNames(raw: unknown): ProfileField[] {
  let list: unknown[];
  if (Array.isArray(raw)) list = raw;
  else if (typeof raw === "string" && raw) {
    const decoded = raw.trim().startsWith("[") ? decode(raw) : raw.split(",");
    if (!Array.isArray(decoded)) throw invalidParam("Param fields must be a list");
    list = decoded;
  } else throw invalidParam("The parameter fields is required");
  return list.map((f) => {
    const name = typeof f === "string" ? f.trim() : "";
    if (!(PROFILE_FIELDS as readonly string[]).includes(name)) throw invalidParam(`Param fields must contain only {${PROFILE_FIELDS.join(", ")}} - got "${String(f)}"`);
    return name as ProfileField;
  });
}

export async function handleMessengerProfile(ctx: SimContext, gr: GraphRequest, nodeId: string): Promise<void> {
  const authed = authenticate(ctx, gr);
  const account = requireSelf(authed, nodeId, gr.method);
  requireScope(authed, SCOPES.messages);
  const platform = stringParam(gr.params, "platform");
  if (platform !== undefined && platform !== "instagram") throw invalidParam("Param platform must be instagram");
  const profile = account.messengerProfile;

  if (gr.method === "POST") {
    const raw = gr.params;
    const ice = raw.ice_breakers === undefined ? undefined : localeList(decode(raw.ice_breakers), "ice_breakers", iceBreaker, ICE_BREAKERS_MAX);
    const menu = raw.persistent_menu === undefined ? undefined : localeList(decode(raw.persistent_menu), "persistent_menu", menuItem, MENU_ITEMS_MAX);
    if (!ice && !menu) throw invalidParam("Must provide ice_breakers or persistent_menu");
    await gate(ctx, gr, account, "messenger_profile", "buc");
    if (ice) profile.iceBreakers = ice;
    if (menu) profile.persistentMenu = menu;
    return respond(gr, { result: "success" });
  }
  const fields = fieldNames(gr.method === "DELETE" ? gr.params.fields : stringParam(gr.params, "fields"));
  await gate(ctx, gr, account, "messenger_profile", "buc");
  if (gr.method === "DELETE") {
    if (fields.includes("ice_breakers")) profile.iceBreakers = null;
    if (fields.includes("persistent_menu")) profile.persistentMenu = null;
    return respond(gr, { result: "success" });
  }
  const out: Obj = {};
  if (fields.includes("ice_breakers") && profile.iceBreakers) out.ice_breakers = profile.iceBreakers;
  if (fields.includes("persistent_menu") && profile.persistentMenu) out.persistent_menu = profile.persistentMenu;
  respond(gr, { data: Object.keys(out).length ? [out] : [] });
}

/** Form and query callers send the arrays as JSON text. */
function decode(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidParam("Param must be a JSON array");
  }
}
