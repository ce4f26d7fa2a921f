import { randomBytes } from "node:crypto";
import type { Rng } from "./rng";

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * Identifiers shaped like Meta's: numeric strings for accounts, users, media and comments
 * (17841… for IG professional accounts), opaque base64 strings for message ids, thread ids and
 * tokens. Sequences guarantee uniqueness; a random base per simulator keeps two simulators'
 * ids apart. Everything is a string, as clients must store them.
 */
export class IdFactory {
  private seq = 0;
  private readonly base: number;

  constructor(private readonly rng: Rng) {
    this.base = 100_000 + rng.int(800_000);
  }

  private nextSeq(): number {
    return ++this.seq;
  }

  accountId(): string {
    return `178414${pad(this.base, 6)}${pad(this.nextSeq(), 5)}`;
  }

  appScopedId(): string {
    return `2${pad(this.base, 6)}${pad(this.nextSeq(), 9)}`;
  }

  igsid(): string {
    return `1${pad(this.base, 6)}${pad(this.nextSeq(), 9)}`;
  }

  mediaId(): string {
    return `180${pad(this.base, 6)}${pad(this.nextSeq(), 8)}`;
  }

  commentId(): string {
    return `179${pad(this.base, 6)}${pad(this.nextSeq(), 8)}`;
  }

  /** IG message ids are base64 of an `ig_message_item:…` descriptor, e.g. `aWdfbWVzc2FnZV9pdGVt…`. */
  mid(accountId: string): string {
    const raw = `ig_message_item:1:IGMessage:${accountId}:${this.base}${pad(this.nextSeq(), 10)}`;
    return Buffer.from(raw).toString("base64").replace(/=+$/, "");
  }

  threadId(accountId: string, igsid: string): string {
    return Buffer.from(`ig_thread:1:IGMessageThread:${accountId}:${igsid}`).toString("base64").replace(/=+$/, "");
  }

  /** Tokens come from the OS RNG: a seeded run must still not produce guessable credentials. */
  token(kind: "short" | "long"): string {
    return (kind === "short" ? "IGQWR" : "IGAA") + randomBytes(72).toString("base64url");
  }

  oauthCode(): string {
    return "AQ" + randomBytes(96).toString("base64url");
  }

  fbtraceId(): string {
    return this.rng.chars(11, B64URL);
  }
}
