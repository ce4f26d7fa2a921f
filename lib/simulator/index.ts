/**
 * The Graph API simulator: a local stand-in for graph.instagram.com, api.instagram.com's OAuth
 * endpoints and Meta's webhook deliveries. See README.md in this folder.
 */
export { createSimulator, type Simulator, type SimulatorState } from "./server";
export type { AdminApi, AccountView, CreatedAccount, TokenView, UserView } from "./admin-api";
export type { TAccountInput, TAccountPatch, TMediaInput, TMediaPatch, TTokenInput, TTokenState, TUserInput, TUserPatch } from "./admin-schemas";
export { ZSimulatorOptions, DEFAULT_LIMITS, RATE_CLASSES, type SimulatorOptions, type SimulatorOptionsInput, type RateClass, type LimitSpec, type AccountLimits, type RuntimeConfig } from "./options";
export { ERRORS, errorCatalogue, GraphError, type ErrorKey } from "./errors";
export { appsecretProof, SCOPES, INSTAGRAM_SCOPES } from "./tokens";
export { ZFaultInput, ENDPOINT_CLASSES, type FaultRule, type TFaultInput, type EndpointClass } from "./faults";
export { SEND_KINDS, type SendEntry, type SendKind, type SendQuery } from "./send-record";
export { ZUserAction, type TUserAction, type ActionResult } from "./user-actions";
export type { SimStats } from "./stats";
export { WebhookEmitter, metaJson, buildSignedRequest, WEBHOOK_FIELDS, type EmitterConfig, type EmitterConfigInput, type EmitterCounters, type HandshakeResult, type CallbackResult } from "./emitter";
export { BUILTIN_SCENARIOS, type ScenarioRun, type ScenarioRunView } from "./scenarios";
export { STANDARD_WINDOW_MS, HUMAN_AGENT_WINDOW_MS, PRIVATE_REPLY_MAX_AGE_MS } from "./window";
