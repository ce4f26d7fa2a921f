import { Badge, type Tone } from "@/components/ui/badge";

/** One vocabulary of statuses, colours and words for every page. */

const ACCOUNT: Record<string, [Tone, string]> = {
  active: ["green", "Active"],
  reconnect_required: ["red", "Reconnect required"],
  paused: ["amber", "Paused"],
  disconnected: ["neutral", "Disconnected"],
};
export function AccountStatusBadge({ status }: { status: string }) {
  const [tone, label] = ACCOUNT[status] ?? ["neutral", status];
  return <Badge tone={tone} dot>{label}</Badge>;
}

const AUTOMATION: Record<string, [Tone, string]> = {
  active: ["green", "Active"],
  paused: ["amber", "Paused"],
  draft: ["neutral", "Draft"],
};
export function AutomationStatusBadge({ status }: { status: string }) {
  const [tone, label] = AUTOMATION[status] ?? ["neutral", status];
  return <Badge tone={tone} dot>{label}</Badge>;
}

const MESSAGE: Record<string, [Tone, string]> = {
  sent: ["green", "Sent"],
  queued: ["blue", "Queued"],
  sending: ["blue", "Sending"],
  failed: ["red", "Failed"],
  skipped: ["amber", "Skipped"],
  unknown: ["amber", "Checking"],
};
export function MessageStatusBadge({ status }: { status: string }) {
  const [tone, label] = MESSAGE[status] ?? ["neutral", status];
  return <Badge tone={tone}>{label}</Badge>;
}

const RUN: Record<string, [Tone, string]> = {
  matched: ["green", "Matched"],
  skipped: ["amber", "Skipped"],
  failed: ["red", "Failed"],
};
export function RunOutcomeBadge({ outcome }: { outcome: string }) {
  const [tone, label] = RUN[outcome] ?? ["neutral", outcome];
  return <Badge tone={tone}>{label}</Badge>;
}

export const MESSAGE_KIND_LABEL: Record<string, string> = {
  public_reply: "Public reply",
  private_reply: "Private reply",
  dm: "DM",
  hide_comment: "Hide comment",
  webhook: "Webhook",
};
