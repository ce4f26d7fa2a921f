/** Builders for Meta `instagram` webhook bodies, shaped like reference §1.6. */
export const IG = "17841400000000001";
export const USER = "6543210987654321";
export const T_MS = 1755779280123;
export const T_SEC = 1755779280;

export function envelope(...entry: unknown[]) {
  return { object: "instagram", entry };
}

export function messagingEntry(items: unknown[], extra: Record<string, unknown> = {}) {
  return { id: IG, time: T_MS + 500, messaging: items, ...extra };
}

export function item(event: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return { sender: { id: USER }, recipient: { id: IG }, timestamp: T_MS, ...event, ...over };
}

export function commentEntry(value: Record<string, unknown>, field = "comments", id = IG) {
  return { id, time: T_SEC, changes: [{ field, value }] };
}

export function commentValue(over: Record<string, unknown> = {}) {
  return {
    id: "17890000000000001",
    from: { id: USER, username: "jane.doe" },
    text: "PRICE please",
    media: { id: "17950000000000001", media_product_type: "REELS" },
    ...over,
  };
}
