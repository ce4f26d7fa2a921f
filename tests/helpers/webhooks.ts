import { createHmac } from "node:crypto";

/** Serialises like Meta: JSON with every non-ASCII character escaped as \uXXXX. */
export function metaJson(payload: unknown): string {
  return JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function sign(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function commentPayload(igUserId: string, c: { id: string; text: string; from?: string; username?: string; mediaId?: string }) {
  return {
    object: "instagram",
    entry: [
      {
        id: igUserId,
        time: Date.now(),
        changes: [
          {
            field: "comments",
            value: {
              id: c.id,
              text: c.text,
              from: { id: c.from ?? "9001", username: c.username ?? "someone" },
              media: { id: c.mediaId ?? "media-1", media_product_type: "REELS" },
            },
          },
        ],
      },
    ],
  };
}

export function dmPayload(igUserId: string, m: { mid: string; text: string; from?: string; echo?: boolean }) {
  const user = m.from ?? "9001";
  return {
    object: "instagram",
    entry: [
      {
        id: igUserId,
        time: Date.now(),
        messaging: [
          {
            sender: { id: m.echo ? igUserId : user },
            recipient: { id: m.echo ? user : igUserId },
            timestamp: Date.now(),
            message: { mid: m.mid, text: m.text, ...(m.echo ? { is_echo: true } : {}) },
          },
        ],
      },
    ],
  };
}
