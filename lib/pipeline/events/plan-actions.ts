import type { TInboundEvent } from "@/lib/events/inbound-event";
import { pickVariant } from "@/lib/automations/pick-variant";
import { renderTemplate, type TTemplateVars } from "@/lib/automations/render-template";
import type { TRng } from "@/lib/automations/rng";
import type { TAction } from "@/lib/automations/schema";
import { LinkRewriter, type TrackedLinkDraft } from "../links/rewrite-links";
import type { TOutboundContent, TOutboundKind } from "../outbound/content";
import { reasons } from "../reasons";
import { usageMeter } from "../usage/usage-period";
import { buildMessage } from "./build-message";

/**
 * The winning automation's actions → the OutboundMessage rows to write, pure and
 * deterministic for a given rng: a retried event job renders the same texts. Delays shift
 * the later sends; tags are applied by the caller in the same transaction; over-quota sends
 * are planned as skipped rows so the log says why.
 */
export type PlannedSend = {
  actionIndex: number;
  kind: TOutboundKind;
  recipientIgsid?: string;
  commentId?: string;
  privateReplyCommentId?: string;
  content: TOutboundContent;
  scheduledAt: number;
  status: "queued" | "skipped";
  reason?: string;
  links: TrackedLinkDraft[];
};

export type ActionPlan = { sends: PlannedSend[]; tags: string[]; publicVariant?: { mediaId: string; index: number } };

export type PlanInput = {
  actions: readonly TAction[];
  event: TInboundEvent;
  contact: { username?: string | null; name?: string | null };
  now: number;
  rng: TRng;
  /** The public-reply variant used last on this post (Redis), to avoid repeating it. */
  lastVariantIndex: number | null;
  appUrl: string;
  newCode: () => string;
  /** This month's usage and the plan's limits, for the pre-check (the claim decides for real). */
  quota: { dmUsed: number; dmLimit: number; replyUsed: number; replyLimit: number };
};

function templateVars(input: PlanInput): TTemplateVars {
  const name = input.contact.name?.trim() || undefined;
  const [first, ...rest] = name ? name.split(/\s+/u) : [];
  return {
    username: input.event.senderUsername ?? input.contact.username ?? undefined,
    name,
    first_name: first,
    last_name: rest.length ? rest.join(" ") : undefined,
  };
}

function webhookBody(input: PlanInput): Record<string, unknown> {
  const e = input.event;
  return {
    type: `instagram.${e.kind}`,
    occurredAt: new Date(e.occurredAt).toISOString(),
    event: { kind: e.kind, text: e.text ?? null, commentId: e.commentId ?? null, mediaId: e.mediaId ?? null, mid: e.mid ?? null },
    contact: { igsid: e.senderId, username: e.senderUsername ?? input.contact.username ?? null },
  };
}

export function planActions(input: PlanInput): ActionPlan {
  const { event, now, rng } = input;
  const vars = templateVars(input);
  const plan: ActionPlan = { sends: [], tags: [] };
  const used = { dm: input.quota.dmUsed, reply: input.quota.replyUsed };
  let offsetMs = 0;

  const add = (actionIndex: number, kind: TOutboundKind, content: TOutboundContent, extra: Partial<PlannedSend> = {}) => {
    const send: PlannedSend = { actionIndex, kind, content, scheduledAt: now + offsetMs, status: "queued", links: [], ...extra };
    const meter = usageMeter(kind);
    if (meter?.quota === "dm" && used.dm >= input.quota.dmLimit) Object.assign(send, { status: "skipped", reason: reasons.overDmQuota(input.quota.dmLimit) });
    else if (meter?.quota === "reply" && used.reply >= input.quota.replyLimit) Object.assign(send, { status: "skipped", reason: reasons.overReplyQuota(input.quota.replyLimit) });
    else if (meter) used[meter.quota]++;
    plan.sends.push(send);
  };

  input.actions.forEach((action, i) => {
    switch (action.type) {
      case "delay":
        offsetMs += action.seconds * 1000;
        return;
      case "tag_contact":
        for (const t of action.tags) if (!plan.tags.includes(t)) plan.tags.push(t);
        return;
      case "public_reply": {
        if (!event.commentId) return;
        const picked = pickVariant(action.variants, input.lastVariantIndex, rng);
        const content: TOutboundContent = { text: renderTemplate(picked.value, vars, rng), echoParentId: event.parentCommentId ?? event.commentId, variantIndex: picked.index };
        if (event.mediaId) {
          content.mediaId = event.mediaId;
          plan.publicVariant = { mediaId: event.mediaId, index: picked.index };
        }
        return add(i, "public_reply", content, { commentId: event.commentId });
      }
      case "private_reply": {
        if (!event.commentId) return;
        const links = action.message.trackLinks ? new LinkRewriter(input.appUrl, input.newCode) : undefined;
        const parts = buildMessage(action.message, vars, rng, links);
        const content: TOutboundContent = { parts, commentAt: event.occurredAt, ...(event.kind === "live_comment" ? { live: true } : {}) };
        return add(i, "private_reply", content, {
          recipientIgsid: event.senderId,
          commentId: event.commentId,
          privateReplyCommentId: event.commentId,
          links: links?.links ?? [],
        });
      }
      case "dm": {
        const links = action.message.trackLinks ? new LinkRewriter(input.appUrl, input.newCode) : undefined;
        const parts = buildMessage(action.message, vars, rng, links);
        return add(i, "dm", { parts }, { recipientIgsid: event.senderId, links: links?.links ?? [] });
      }
      case "hide_comment":
        if (event.commentId) add(i, "hide_comment", {}, { commentId: event.commentId });
        return;
      case "webhook":
        return add(i, "webhook", { webhook: { url: action.url, body: webhookBody(input) } });
    }
  });
  return plan;
}
