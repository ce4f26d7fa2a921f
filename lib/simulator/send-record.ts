/**
 * Every send the simulator accepted — DMs, private replies, sender actions, public comment
 * replies, hides, deletes — so tests and benchmarks can assert "exactly one DM reached user U
 * for comment C". Entries live in a ring (oldest evicted past the cap); the totals, per-account
 * counts and the duplicate check keep counting regardless.
 *
 * The duplicate check is an independent witness of the once-per-comment rule: it counts every
 * accepted private reply per (account, comment), so a bug in the rule engine shows up here.
 */
export const SEND_KINDS = ["dm", "private_reply", "sender_action", "comment_reply", "comment", "hide", "unhide", "delete"] as const;
export type SendKind = (typeof SEND_KINDS)[number];

export type SendEntry = {
  seq: number;
  kind: SendKind;
  accountId: string;
  recipientId: string | null;
  commentId: string | null;
  text: string | null;
  messageId: string | null;
  /** Simulated-clock milliseconds. */
  at: number;
  endpoint: string;
  /** Attachment type, template type, sender action… whatever else identifies the send. */
  detail: string | null;
  /** Delivered, then answered with an error (the 1/1357046 fault). */
  erroredAfterSend: boolean;
};

export type SendQuery = {
  account?: string;
  recipient?: string;
  commentId?: string;
  kind?: SendKind | readonly SendKind[];
  since?: number;
  limit?: number;
};

type Counts = Record<SendKind, number>;

function zeroCounts(): Counts {
  return Object.fromEntries(SEND_KINDS.map((k) => [k, 0])) as Counts;
}

export type SendStats = {
  total: number;
  byKind: Counts;
  perAccount: Record<string, Counts>;
  duplicates: number;
  duplicateComments: string[];
  erroredAfterSend: number;
  evicted: number;
};

export class SendRecord {
  private ring: (SendEntry | undefined)[];
  private next = 0;
  private seq = 0;
  private byKind = zeroCounts();
  private perAccount = new Map<string, Counts>();
  private privateReplies = new Map<string, number>();
  private duplicateKeys: string[] = [];
  private erroredAfterSend = 0;
  private evicted = 0;

  constructor(private readonly cap: number) {
    this.ring = new Array<SendEntry | undefined>(cap);
  }

  add(input: Omit<SendEntry, "seq" | "erroredAfterSend">): SendEntry {
    const entry: SendEntry = { ...input, seq: ++this.seq, erroredAfterSend: false };
    if (this.ring[this.next]) this.evicted++;
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.cap;
    this.byKind[entry.kind]++;
    let counts = this.perAccount.get(entry.accountId);
    if (!counts) this.perAccount.set(entry.accountId, (counts = zeroCounts()));
    counts[entry.kind]++;
    if (entry.kind === "private_reply" && entry.commentId) this.witnessPrivateReply(`${entry.accountId}:${entry.commentId}`);
    return entry;
  }

  private witnessPrivateReply(key: string): void {
    const n = (this.privateReplies.get(key) ?? 0) + 1;
    this.privateReplies.set(key, n);
    if (n === 2) this.duplicateKeys.push(key);
    // Bounded like the ring: a comment older than `cap` private replies can no longer collide in practice.
    if (this.privateReplies.size > this.cap) {
      const oldest = this.privateReplies.keys().next().value;
      if (oldest !== undefined) this.privateReplies.delete(oldest);
    }
  }

  markErroredAfterSend(entry: SendEntry): void {
    if (!entry.erroredAfterSend) {
      entry.erroredAfterSend = true;
      this.erroredAfterSend++;
    }
  }

  /** Matching entries still held, oldest first. */
  query(q: SendQuery = {}): SendEntry[] {
    const kinds = q.kind === undefined ? undefined : typeof q.kind === "string" ? [q.kind] : q.kind;
    const out: SendEntry[] = [];
    const size = this.cap;
    for (let i = 0; i < size; i++) {
      const e = this.ring[(this.next + i) % size];
      if (!e) continue;
      if (q.account !== undefined && e.accountId !== q.account) continue;
      if (q.recipient !== undefined && e.recipientId !== q.recipient) continue;
      if (q.commentId !== undefined && e.commentId !== q.commentId) continue;
      if (kinds && !kinds.includes(e.kind)) continue;
      if (q.since !== undefined && e.at < q.since) continue;
      out.push(e);
    }
    return q.limit !== undefined && out.length > q.limit ? out.slice(out.length - q.limit) : out;
  }

  count(q: SendQuery = {}): number {
    return this.query(q).length;
  }

  stats(): SendStats {
    let total = 0;
    for (const k of SEND_KINDS) total += this.byKind[k];
    return {
      total,
      byKind: { ...this.byKind },
      perAccount: Object.fromEntries([...this.perAccount].map(([id, c]) => [id, { ...c }])),
      duplicates: this.duplicateKeys.length,
      duplicateComments: [...this.duplicateKeys],
      erroredAfterSend: this.erroredAfterSend,
      evicted: this.evicted,
    };
  }

  reset(): void {
    this.ring = new Array<SendEntry | undefined>(this.cap);
    this.next = 0;
    this.byKind = zeroCounts();
    this.perAccount.clear();
    this.privateReplies.clear();
    this.duplicateKeys = [];
    this.erroredAfterSend = 0;
    this.evicted = 0;
  }
}
