/** UsageCounter.period: the UTC calendar month, "YYYY-MM". */
export function usagePeriod(at: Date | number): string {
  const d = typeof at === "number" ? new Date(at) : at;
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Which counter a send uses, and which plan limit it counts against. */
export type UsageMeter = { column: "dmsSent" | "privateReplies" | "publicReplies"; quota: "dm" | "reply" };

export function usageMeter(kind: string): UsageMeter | undefined {
  if (kind === "dm") return { column: "dmsSent", quota: "dm" };
  // A private reply is a DM for the plan; it has its own column for the usage page.
  if (kind === "private_reply") return { column: "privateReplies", quota: "dm" };
  if (kind === "public_reply") return { column: "publicReplies", quota: "reply" };
  return undefined;
}
