import { z } from "zod";
import type { GraphUsage } from "./usage-headers";

/**
 * The one place Graph API failures are classified (reference §3.4, SPEC §5). Classification uses
 * `code` / `error_subcode` only, never message text: Meta localises messages (a live 2534014
 * came back in Japanese). HTTP status and `is_transient` are consulted only for codes this table
 * does not know.
 */

export type GraphErrorClass =
  | "transient" // retry with backoff and jitter
  | "throttled" // wait (per account or app-wide) until access is regained, then retry
  | "auth" // token unusable: account → reconnect_required, sends pause, owner notified
  | "policy" // Meta refuses on policy grounds; terminal for the message, some pause the account
  | "window" // the 24 h messaging window is closed; terminal for the message
  | "recipient" // the person cannot be messaged; terminal, contact unreachable
  | "already_replied" // private reply already used / too old / not replyable; record as handled
  | "permanent" // permission, configuration or request error; terminal
  | "ambiguous"; // may have been sent: reconcile (echoes) before any resend

export type GraphErrorScope = "account" | "app";

export type GraphErrorClassification = {
  class: GraphErrorClass;
  /** Who must stop: the one account or the whole app. Absent when only this request failed. */
  scope?: GraphErrorScope;
  /** Plain language for the activity log and emails. */
  reason: string;
  code: number | undefined;
  subcode: number | undefined;
  /** Suggested minimum pause for `scope`; a usage header's regain time wins when longer. */
  pauseMs?: number;
  /** Part of normal operation (profile consent, 230): record, do not alert. */
  expected?: boolean;
};

export type GraphErrorInput = { code?: number; subcode?: number; httpStatus?: number; isTransient?: boolean };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Reference: throttled sends back off "starting ≥ 60 s". */
const THROTTLE_PAUSE_MS = MINUTE;
/** Reference: policy blocks (368, 10/1893063) pause the account "for a long period". */
const POLICY_PAUSE_MS = 24 * HOUR;

const RECONNECT = "; reconnect the account";
const AUTH_REASONS: Record<number, string> = {
  458: "Replyflow was removed from this Instagram account's connected apps",
  459: "Instagram has locked this account until its owner checks in on Instagram",
  460: "The Instagram password was changed, so the connection stopped working",
  463: "The Instagram connection has expired",
  464: "The Instagram account is not confirmed yet",
  467: "The Instagram connection is no longer valid",
  492: "The Instagram session is no longer valid (a role on the linked Page may have changed)",
};

const PERMISSION = "Replyflow is missing an Instagram permission for this action; reconnect the account and grant every permission";
const ALREADY_REPLIED =
  "This comment can't get a private reply: it already got one, is older than 7 days, was deleted, or can't be replied to";

type Rule = Omit<GraphErrorClassification, "code" | "subcode">;

const THROTTLED_ACCOUNT: Rule = {
  class: "throttled",
  scope: "account",
  pauseMs: THROTTLE_PAUSE_MS,
  reason: "This Instagram account has reached Instagram's rate limit; sending resumes automatically",
};
const THROTTLED_APP: Rule = {
  class: "throttled",
  scope: "app",
  pauseMs: THROTTLE_PAUSE_MS,
  reason: "Replyflow has reached Instagram's app-wide rate limit; sending resumes automatically",
};

/** Subcodes that decide the class whatever code carries them (Meta's subcodes are one namespace). */
const BY_SUBCODE: Record<number, Rule> = {
  1357046: {
    class: "ambiguous",
    reason: "Instagram answered with an error after possibly delivering the message; it is checked before any resend",
  },
  2534022: { class: "window", reason: "Instagram's 24-hour messaging window is closed for this person" },
  2018278: { class: "window", reason: "Instagram's 24-hour messaging window is closed for this person" },
  1893063: {
    class: "policy",
    scope: "account",
    pauseMs: POLICY_PAUSE_MS,
    reason: "Instagram has temporarily restricted this account from sending messages; sending is paused",
  },
  2534025: { class: "already_replied", reason: ALREADY_REPLIED },
  2534037: {
    class: "policy",
    reason: "Another app (such as the Meta Business Suite inbox) controls this conversation, so Replyflow can't reply in it",
  },
  2534014: { class: "recipient", reason: "Instagram can't find this person; they may have deleted or deactivated their account" },
  2534041: {
    class: "permanent",
    reason:
      "The account owner has turned off access to messages " +
      "(Instagram settings > Messages and story replies > Connected tools > Allow access to messages)",
  },
  2534029: { class: "permanent", reason: "Instagram has blocked this conversation from the messaging API" },
  2018344: { class: "permanent", reason: "This Instagram feature is not available for the account's configuration" },
};

function byCode(code: number, subcode: number | undefined): Rule | undefined {
  switch (code) {
    case 1:
    case 2:
      return { class: "transient", reason: "Instagram had a temporary problem; retrying shortly" };
    case 4:
    case 341:
      return THROTTLED_APP;
    case 17:
    case 32:
    case 613:
      return THROTTLED_ACCOUNT;
    case 190:
    case 102:
      return {
        class: "auth",
        scope: "account",
        reason: (AUTH_REASONS[subcode ?? -1] ?? "Instagram no longer accepts this account's login") + RECONNECT,
      };
    case 3:
      return { class: "permanent", reason: "This Instagram account or app isn't set up for this action (missing capability)" };
    case 10:
      return { class: "permanent", reason: PERMISSION };
    case 100:
      return subcode === 33
        ? { class: "permanent", reason: "The comment, post or person no longer exists or can't be used this way" }
        : { class: "permanent", reason: "Instagram rejected the request as invalid" };
    case 230:
      return {
        class: "permanent",
        expected: true,
        reason: "Instagram shares this person's profile only after they have messaged the account",
      };
    case 368:
      return {
        class: "policy",
        scope: "account",
        pauseMs: POLICY_PAUSE_MS,
        reason: "Instagram has temporarily blocked this account for policy reasons; sending is paused",
      };
    case 551:
      return { class: "recipient", reason: "This person isn't available right now or isn't receiving messages from this account" };
    case 10900:
    case 10902:
    case 10903:
      return { class: "already_replied", reason: ALREADY_REPLIED };
  }
  if (code >= 80001 && code <= 80006) {
    return THROTTLED_ACCOUNT;
  }
  if (code >= 200 && code <= 299) return { class: "permanent", reason: PERMISSION };
  return undefined;
}

/** Codes this table does not know: fall back to Meta's hint, then the HTTP status. */
function fallback(code: number | undefined, httpStatus: number | undefined, isTransient: boolean | undefined): Rule {
  const label = code === undefined ? `HTTP ${httpStatus ?? "error"}` : `code ${code}`;
  if (isTransient) return { class: "transient", reason: `Instagram had a temporary problem (${label}); retrying shortly` };
  if (httpStatus === 429) {
    return { class: "throttled", scope: "account", pauseMs: THROTTLE_PAUSE_MS, reason: "Instagram is rate limiting this account" };
  }
  // A gateway timeout means the upstream may have acted: never assume it did not.
  if (httpStatus === 504) return { class: "ambiguous", reason: "Instagram timed out while handling the request; checking before any retry" };
  if (httpStatus !== undefined && httpStatus >= 500) {
    return { class: "transient", reason: `Instagram had a temporary problem (${label}); retrying shortly` };
  }
  return { class: "permanent", reason: `Instagram returned an unexpected error (${label})` };
}

export function classifyGraphError(input: GraphErrorInput): GraphErrorClassification {
  const { code, subcode, httpStatus, isTransient } = input;
  const rule =
    (subcode !== undefined ? BY_SUBCODE[subcode] : undefined) ??
    (code !== undefined ? byCode(code, subcode) : undefined) ??
    fallback(code, httpStatus, isTransient);
  return { ...rule, code, subcode };
}

// ---------------------------------------------------------------- error classes

const intish = z.union([z.number().int(), z.string().regex(/^\d{1,10}$/).transform(Number)]);

/** Meta's error envelope (reference §3.3); lenient on everything but the shape of `error`. */
export const ZGraphErrorEnvelope = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: intish.optional(),
    error_subcode: intish.optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
    is_transient: z.boolean().optional(),
  }),
});
export type TGraphErrorEnvelope = z.infer<typeof ZGraphErrorEnvelope>["error"];

/** Base of every failure the Graph client throws; `classification.class` drives what happens next. */
export abstract class GraphError extends Error {
  constructor(
    message: string,
    /** Client method that failed, e.g. "sendMessage" (for logs and metrics; never carries tokens). */
    readonly operation: string,
    readonly classification: GraphErrorClassification,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Instagram answered, with Meta's error envelope or with a response we could not use. */
export class GraphApiError extends GraphError {
  override name = "GraphApiError";
  constructor(
    operation: string,
    readonly httpStatus: number,
    readonly envelope: TGraphErrorEnvelope | undefined,
    readonly usage: GraphUsage,
    classification?: GraphErrorClassification,
  ) {
    const c =
      classification ??
      classifyGraphError({
        code: envelope?.code,
        subcode: envelope?.error_subcode,
        httpStatus,
        isTransient: envelope?.is_transient,
      });
    const codes = c.code === undefined ? `HTTP ${httpStatus}` : `${c.code}${c.subcode === undefined ? "" : `/${c.subcode}`}`;
    super(`Graph ${operation} failed (${codes}, ${c.class}): ${c.reason}`, operation, c);
  }

  get code(): number | undefined {
    return this.classification.code;
  }
  get subcode(): number | undefined {
    return this.classification.subcode;
  }
  get fbtraceId(): string | undefined {
    return this.envelope?.fbtrace_id;
  }

  /** How long the account (or app) should wait: the longer of the class default and Meta's regain estimate. */
  retryAfterMs(): number | undefined {
    const regain = this.usage.buc?.regainAccessMs;
    const pause = this.classification.pauseMs;
    if (regain === undefined) return pause;
    return Math.max(regain, pause ?? 0);
  }
}

/** No complete answer within the timeout. For a send the message may have gone out. */
export class GraphTimeoutError extends GraphError {
  override name = "GraphTimeoutError";
  constructor(operation: string, readonly timeoutMs: number, idempotent: boolean) {
    super(
      `Graph ${operation} timed out after ${timeoutMs} ms`,
      operation,
      idempotent
        ? { class: "transient", reason: "Instagram did not answer in time; retrying shortly", code: undefined, subcode: undefined }
        : {
            class: "ambiguous",
            reason: "Instagram did not answer in time; the message may have been sent, so it is checked before any retry",
            code: undefined,
            subcode: undefined,
          },
    );
  }
}

/**
 * The connection failed. `before_send`: nothing reached Instagram (refused, DNS, TLS, connect
 * timeout), always safe to retry. `after_send`: the connection broke once the request may have
 * been written (reset, closed mid-response): ambiguous for sends.
 */
export class GraphNetworkError extends GraphError {
  override name = "GraphNetworkError";
  constructor(
    operation: string,
    readonly phase: "before_send" | "after_send",
    /** The system or undici code, e.g. ECONNREFUSED, UND_ERR_SOCKET. */
    readonly causeCode: string | undefined,
    idempotent: boolean,
    cause: unknown,
  ) {
    const safe = phase === "before_send" || idempotent;
    super(
      `Graph ${operation} failed: connection ${phase === "before_send" ? "could not be made" : "broke"} (${causeCode ?? "unknown"})`,
      operation,
      safe
        ? { class: "transient", reason: "Couldn't reach Instagram; retrying shortly", code: undefined, subcode: undefined }
        : {
            class: "ambiguous",
            reason: "The connection to Instagram broke mid-request; the message may have been sent, so it is checked before any retry",
            code: undefined,
            subcode: undefined,
          },
      { cause },
    );
  }
}
