import { invalidParam } from "./errors";
import { jsonParam, stringParam } from "./http";
import type { Account, Attachment, World } from "./world";

/**
 * Validation of a Send API body (reference §2.1–2.2): text at most 1000 UTF-8 bytes, up to 13
 * quick replies with titles of at most 20 characters, templates with at most 10 elements and 3
 * buttons, up to 10 images, like_heart, MEDIA_SHARE of the account's own posts, and sender
 * actions. Hand-written rather than zod: this is the hot path, and each failure needs Meta's
 * own wording of which parameter is wrong.
 */
export const TEXT_MAX_BYTES = 1000;
export const QUICK_REPLIES_MAX = 13;
export const QUICK_REPLY_TITLE_MAX = 20;
export const GENERIC_ELEMENTS_MAX = 10;
export const BUTTONS_MAX = 3;
export const IMAGES_MAX = 10;

export type Recipient = { kind: "user"; id: string } | { kind: "comment"; commentId: string };

export type OutgoingMessage = {
  text: string | null;
  attachments: Attachment[] | null;
  /** audio/video count against the 10/s media limit; the rest against 100/s. */
  media: boolean;
  detail: string | null;
  /** The `message` object of the echo webhook, without `mid`/`is_echo`. */
  echo: Record<string, unknown>;
};

export const SENDER_ACTIONS = ["typing_on", "typing_off", "mark_seen", "react", "unreact"] as const;
export type SenderAction = (typeof SENDER_ACTIONS)[number];

export type ParsedSend =
  | { kind: "message"; recipient: Recipient; message: OutgoingMessage; humanAgent: boolean }
  | { kind: "sender_action"; recipient: Recipient; action: SenderAction; targetMid: string | null };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function requireString(v: unknown, path: string, maxChars?: number): string {
  if (typeof v !== "string" || v === "") throw invalidParam(`Param ${path} must be a non-empty string`);
  if (maxChars !== undefined && [...v].length > maxChars) throw invalidParam(`Param ${path} must be at most ${maxChars} characters`);
  return v;
}

function requireUrl(v: unknown, path: string): string {
  const s = requireString(v, path);
  if (!/^https?:\/\//i.test(s) || !URL.canParse(s)) throw invalidParam(`Param ${path} must be a valid URL`);
  return s;
}

function parseRecipient(params: Obj): Recipient {
  const r = jsonParam(params, "recipient");
  if (!r) throw invalidParam("The parameter recipient is required");
  const id = r.id;
  const commentId = r.comment_id;
  if (id !== undefined && commentId !== undefined) throw invalidParam("Param recipient must have exactly one of id or comment_id");
  if (typeof id === "string" && id) return { kind: "user", id };
  if (typeof commentId === "string" && commentId) return { kind: "comment", commentId };
  throw invalidParam("Param recipient[id] or recipient[comment_id] must be a non-empty string");
}

function validateButtons(buttons: unknown, path: string, min: number): void {
  if (buttons === undefined && min === 0) return;
  if (!Array.isArray(buttons) || buttons.length < min) throw invalidParam(`Param ${path} must be an array with at least ${min} item(s)`);
  if (buttons.length > BUTTONS_MAX) throw invalidParam(`Param ${path} must have at most ${BUTTONS_MAX} buttons`);
  buttons.forEach((b: unknown, i) => {
    if (!isObj(b)) throw invalidParam(`Param ${path}[${i}] must be an object`);
    requireString(b.title, `${path}[${i}][title]`, QUICK_REPLY_TITLE_MAX);
    if (b.type === "web_url") requireUrl(b.url, `${path}[${i}][url]`);
    else if (b.type === "postback") requireString(b.payload, `${path}[${i}][payload]`, 1000);
    else throw invalidParam(`Param ${path}[${i}][type] must be one of {web_url, postback}`);
  });
}

function validateTemplate(payload: Obj): string {
  const type = payload.template_type;
  if (type === "generic") {
    const elements = payload.elements;
    if (!Array.isArray(elements) || elements.length === 0) throw invalidParam("Param message[attachment][payload][elements] must be a non-empty array");
    if (elements.length > GENERIC_ELEMENTS_MAX) throw invalidParam(`Param message[attachment][payload][elements] must have at most ${GENERIC_ELEMENTS_MAX} elements`);
    elements.forEach((el: unknown, i) => {
      const path = `message[attachment][payload][elements][${i}]`;
      if (!isObj(el)) throw invalidParam(`Param ${path} must be an object`);
      requireString(el.title, `${path}[title]`, 80);
      if (el.subtitle !== undefined) requireString(el.subtitle, `${path}[subtitle]`, 80);
      if (el.image_url !== undefined) requireUrl(el.image_url, `${path}[image_url]`);
      validateButtons(el.buttons, `${path}[buttons]`, 0);
    });
    return "template:generic";
  }
  if (type === "button") {
    requireString(payload.text, "message[attachment][payload][text]", 640);
    validateButtons(payload.buttons, "message[attachment][payload][buttons]", 1);
    return "template:button";
  }
  throw invalidParam("Param message[attachment][payload][template_type] must be one of {generic, button}");
}

function parseAttachment(att: unknown, account: Account, world: World): { attachment: Attachment; echo: Obj; media: boolean; detail: string } {
  if (!isObj(att)) throw invalidParam("Param message[attachment] must be an object");
  const type = att.type;
  const payload = isObj(att.payload) ? att.payload : undefined;
  switch (type) {
    case "image":
    case "audio":
    case "video":
    case "file": {
      if (!payload) throw invalidParam("Param message[attachment][payload] is required");
      const url = payload.attachment_id !== undefined ? undefined : requireUrl(payload.url, "message[attachment][payload][url]");
      if (url === undefined) requireString(payload.attachment_id, "message[attachment][payload][attachment_id]");
      return { attachment: { type, url }, echo: { type, payload: { url: url ?? "" } }, media: type === "audio" || type === "video", detail: type };
    }
    case "like_heart":
      return { attachment: { type }, echo: { type: "like_heart" }, media: false, detail: type };
    case "MEDIA_SHARE": {
      const id = requireString(payload?.id, "message[attachment][payload][id]");
      if (world.media.get(id)?.accountId !== account.id) throw invalidParam("Only media owned by the sending account can be shared");
      return { attachment: { type: "share" }, echo: { type: "share", payload: { id } }, media: false, detail: "media_share" };
    }
    case "template": {
      if (!payload) throw invalidParam("Param message[attachment][payload] is required");
      const detail = validateTemplate(payload);
      return { attachment: { type: "template" }, echo: { type: "template", payload }, media: false, detail };
    }
    default:
      throw invalidParam("Param message[attachment][type] must be one of {image, audio, video, file, template, like_heart, MEDIA_SHARE}");
  }
}

function validateQuickReplies(qr: unknown): void {
  if (!Array.isArray(qr) || qr.length === 0) throw invalidParam("Param message[quick_replies] must be a non-empty array");
  if (qr.length > QUICK_REPLIES_MAX) throw invalidParam(`Param message[quick_replies] must have at most ${QUICK_REPLIES_MAX} items`);
  qr.forEach((q: unknown, i) => {
    const path = `message[quick_replies][${i}]`;
    if (!isObj(q)) throw invalidParam(`Param ${path} must be an object`);
    if (q.content_type === "user_phone_number" || q.content_type === "user_email") {
      throw invalidParam(`Param ${path}[content_type] ${q.content_type} is no longer supported`);
    }
    if (q.content_type !== "text") throw invalidParam(`Param ${path}[content_type] must be text`);
    requireString(q.title, `${path}[title]`, QUICK_REPLY_TITLE_MAX);
    requireString(q.payload, `${path}[payload]`, 1000);
  });
}

function parseMessage(raw: Obj, account: Account, world: World): OutgoingMessage {
  const hasText = raw.text !== undefined;
  const hasAttachment = raw.attachment !== undefined;
  const hasAttachments = raw.attachments !== undefined;
  if (Number(hasText) + Number(hasAttachment) + Number(hasAttachments) !== 1) {
    throw invalidParam("Param message must contain exactly one of text, attachment or attachments");
  }
  if (raw.quick_replies !== undefined) {
    if (!hasText) throw invalidParam("Quick replies can only be sent with a text message");
    validateQuickReplies(raw.quick_replies);
  }
  if (hasText) {
    if (typeof raw.text !== "string" || raw.text === "") throw invalidParam("Param message[text] must be a non-empty string");
    if (Buffer.byteLength(raw.text, "utf8") > TEXT_MAX_BYTES) throw invalidParam(`Length of param message[text] must be less than or equal to ${TEXT_MAX_BYTES} bytes`);
    return { text: raw.text, attachments: null, media: false, detail: raw.quick_replies ? "quick_replies" : null, echo: { text: raw.text } };
  }
  if (hasAttachment) {
    const a = parseAttachment(raw.attachment, account, world);
    return { text: null, attachments: [a.attachment], media: a.media, detail: a.detail, echo: { attachments: [a.echo] } };
  }
  const list = raw.attachments;
  if (!Array.isArray(list) || list.length === 0) throw invalidParam("Param message[attachments] must be a non-empty array");
  if (list.length > IMAGES_MAX) throw invalidParam(`Param message[attachments] must have at most ${IMAGES_MAX} images`);
  const parsed = list.map((item: unknown) => {
    if (!isObj(item) || item.type !== "image") throw invalidParam("Param message[attachments] may only contain images");
    return parseAttachment(item, account, world);
  });
  return { text: null, attachments: parsed.map((p) => p.attachment), media: false, detail: `images:${parsed.length}`, echo: { attachments: parsed.map((p) => p.echo) } };
}

function parseTagging(params: Obj): boolean {
  const messagingType = stringParam(params, "messaging_type");
  const tag = stringParam(params, "tag");
  if (messagingType !== undefined && !["RESPONSE", "UPDATE", "MESSAGE_TAG"].includes(messagingType)) {
    throw invalidParam("Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
  }
  if (messagingType === "MESSAGE_TAG" || tag !== undefined) {
    if (messagingType !== "MESSAGE_TAG") throw invalidParam("Param messaging_type must be MESSAGE_TAG when a tag is given");
    if (tag !== "HUMAN_AGENT") throw invalidParam("Param tag must be HUMAN_AGENT for Instagram messaging");
    return true;
  }
  return false;
}

export function parseSend(params: Obj, account: Account, world: World): ParsedSend {
  const recipient = parseRecipient(params);
  const action = stringParam(params, "sender_action");
  const message = jsonParam(params, "message");
  if (action !== undefined) {
    if (message) throw invalidParam("Param message and sender_action cannot be sent together");
    if (!(SENDER_ACTIONS as readonly string[]).includes(action)) throw invalidParam(`Param sender_action must be one of {${SENDER_ACTIONS.join(", ")}}`);
    if (recipient.kind === "comment") throw invalidParam("A sender_action cannot be sent to recipient[comment_id]");
    let targetMid: string | null = null;
    if (action === "react" || action === "unreact") {
      const payload = jsonParam(params, "payload");
      targetMid = requireString(payload?.message_id, "payload[message_id]");
      if (action === "react") requireString(payload?.reaction, "payload[reaction]", 32);
    }
    return { kind: "sender_action", recipient, action: action as SenderAction, targetMid };
  }
  if (!message) throw invalidParam("Must send either message or sender_action");
  const humanAgent = parseTagging(params);
  return { kind: "message", recipient, message: parseMessage(message, account, world), humanAgent };
}
