export { WebhookEmitter, type EmitterCounters, type EmitterDeps } from "./webhook-emitter";
export { ZEmitterConfig, ZEmitterConfigPatch, WEBHOOK_FIELDS, fieldSpellings, type EmitterConfig, type EmitterConfigInput } from "./config";
export { buildBody, commentValue, dashboardTestBody, messagingEvent, type MessagingItem, type WebhookBody, type WebhookEvent } from "./payloads";
export { metaJson, signBody } from "./serialize";
export { verifyCallback, type HandshakeResult } from "./handshake";
export { buildSignedRequest, postSignedRequest, type CallbackResult, type SignedRequestPayload } from "./signed-request";
