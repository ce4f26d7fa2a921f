import type { TInboundEventKind } from "@/lib/events/inbound-event";
import { formatElapsed } from "@/lib/automations/labels";

/**
 * The pipeline's plain-language reasons, as the activity log shows them. One place, so the
 * run log, the message list and the tests agree on every word.
 */

const EVENT_PLURAL: Record<TInboundEventKind, string> = {
  comment: "comments",
  live_comment: "live comments",
  dm: "direct messages",
  story_reply: "story replies",
  story_mention: "story mentions",
  postback: "button taps",
  quick_reply: "quick reply taps",
  referral: "ig.me link visits",
  reaction: "reactions",
  read: "read receipts",
  message_edit: "edited messages",
  message_deleted: "deleted messages",
};

const count = (n: number) => n.toLocaleString("en-US");
const handle = (username: string | null | undefined) => (username ? `@${username}` : "this person");

export const reasons = {
  noAutomationListens: (kind: TInboundEventKind, account: string) => `No active automation listens to ${EVENT_PLURAL[kind]} on @${account}`,
  accountDisconnected: (account: string) => `@${account} is disconnected from Replyflow, so nothing is sent`,
  overDmQuota: (limit: number) => `Over your plan's monthly DM limit (${count(limit)})`,
  overReplyQuota: (limit: number) => `Over your plan's monthly public reply limit (${count(limit)})`,
  windowClosed(username: string | null | undefined, lastInboundAt: Date | null | undefined, now: number): string {
    const who = handle(username);
    if (!lastInboundAt) return `Instagram's 24-hour window is closed: ${who} hasn't written to you yet`;
    return `Instagram's 24-hour window is closed: ${who} last wrote ${formatElapsed(now - lastInboundAt.getTime())} ago`;
  },
  awaitingReply: (username: string | null | undefined) =>
    `Waiting for ${handle(username)} to answer the private reply: Instagram allows no further DMs until they do`,
  optedOut: (username: string | null | undefined) => `${handle(username)} opted out of automated messages`,
  privateReplyTooOld: () => "The comment is more than 7 days old; Instagram no longer allows a private reply",
  accountGone: () => "The Instagram account was removed from this workspace",
  reconciledAlreadyReplied: () => "Sent: Instagram confirmed the private reply after an earlier attempt's answer was lost",
  unconfirmed: (resends: number) => `Instagram never confirmed this send; gave up after ${resends} resend${resends === 1 ? "" : "s"} to avoid duplicates`,
  gaveUp: (attempts: number, why: string) => `Gave up after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${why}`,
  workerStopped: () => "The worker sending this stopped before Instagram answered; it is checked against Instagram's echoes before any resend",
  noEchoResend: () => "Instagram's answer was lost and no echo came back, so it is being sent again",
  confirmedByEcho: () => "Sent: Instagram's echo confirmed it after an unclear answer",
  webhookFailed: (status: number) => `The webhook answered HTTP ${status}`,
  webhookUnreachable: (error: string) => `The webhook could not be reached (${error})`,
  webhookUrlRefused: () => "The webhook URL is not allowed (it must be a public https:// URL)",
  webhookSecretMissing: () => "The automation's webhook action no longer exists",
};
