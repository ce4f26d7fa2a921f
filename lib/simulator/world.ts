import type { Caps, AccountLimits } from "./options";
import type { Clock } from "./clock";
import type { IdFactory } from "./ids";

/**
 * The simulated Instagram: professional accounts, the people who interact with them (one
 * IGSID per person × account pair, as on Meta), media, comments and DM messages. Comments and
 * messages are capped (oldest evicted first) so a long benchmark cannot grow memory without
 * bound; an evicted comment behaves like a deleted one.
 */
export type Account = {
  id: string;
  /** The app-scoped id the code exchange and `/me.id` return; differs from `id` (= `/me.user_id`). */
  appScopedId: string;
  /** The account's own IGSID: `from.self_ig_scoped_id` on its own comments. */
  selfIgsid: string;
  username: string;
  name: string;
  accountType: "BUSINESS" | "MEDIA_CREATOR";
  profilePictureUrl: string;
  followersCount: number;
  /** "Allow access to messages" in the app's settings; off → 200/2534041. */
  dmsEnabled: boolean;
  /** Whether the app has the Human Agent feature (HUMAN_AGENT tag allowed, 7-day window). */
  humanAgent: boolean;
  /** Scopes this account grants on consent (a subset simulates unticked permissions). */
  grantScopes: string[];
  limits: AccountLimits;
  subscribedFields: Set<string>;
  messengerProfile: { iceBreakers: unknown[] | null; persistentMenu: unknown[] | null };
  createdAt: number;
};

export type User = {
  igsid: string;
  accountId: string;
  username: string;
  name: string | null;
  profilePic: string | null;
  followerCount: number;
  isVerified: boolean;
  followsBusiness: boolean;
  businessFollowsUser: boolean;
  /** Blocked the account or otherwise unreachable → 551. */
  blocked: boolean;
  /** "other": another app (e.g. the Business Suite inbox) owns the thread → standby, 2534037. */
  threadOwner: "us" | "other";
  /** Profile readable (230 otherwise): set once the user DMed or tapped a postback. */
  consent: boolean;
  /** Last DM, postback, quick reply or referral: opens the 24-hour window. */
  lastInboundAt: number | null;
  /** Last private reply: DMs stay closed until the user writes after it. */
  lastPrivateReplyAt: number | null;
  threadId: string;
  recentMids: string[];
  lastMessageAt: number | null;
};

export type MediaProductType = "FEED" | "REELS" | "STORY" | "AD";

export type Media = {
  id: string;
  accountId: string;
  productType: MediaProductType;
  caption: string;
  live: boolean;
  /** Live media take comments (and private replies to them) only while the broadcast runs. */
  liveActive: boolean;
  ad: { adId: string; adTitle: string } | null;
  createdAt: number;
};

export type Comment = {
  id: string;
  accountId: string;
  mediaId: string;
  parentId: string | null;
  fromId: string;
  fromUsername: string;
  /** Written by the account itself (its public replies): the loop-guard case. */
  fromAccount: boolean;
  text: string;
  createdAt: number;
  hidden: boolean;
  deleted: boolean;
  live: boolean;
  privateReplied: boolean;
  replyIds: string[];
};

export type Attachment = { type: string; url?: string };

export type StoredMessage = {
  mid: string;
  accountId: string;
  userId: string;
  fromId: string;
  toId: string;
  text: string | null;
  attachments: Attachment[] | null;
  story: { kind: "mention" | "reply"; id: string; url: string } | null;
  createdAt: number;
  isEcho: boolean;
  deleted: boolean;
};

export type WorldNode =
  | { type: "account"; account: Account }
  | { type: "comment"; comment: Comment }
  | { type: "user"; user: User }
  | { type: "media"; media: Media }
  | { type: "message"; message: StoredMessage }
  | { type: "thread"; user: User };

const RECENT_MIDS_PER_THREAD = 50;
const REPLIES_KEPT_PER_COMMENT = 1_000;

export class World {
  readonly accounts = new Map<string, Account>();
  readonly users = new Map<string, User>();
  readonly media = new Map<string, Media>();
  readonly comments = new Map<string, Comment>();
  readonly messages = new Map<string, StoredMessage>();
  private readonly threads = new Map<string, string>();
  evictedComments = 0;
  evictedMessages = 0;

  constructor(
    readonly ids: IdFactory,
    private readonly clock: Clock,
    private readonly caps: Caps,
  ) {}

  addAccount(input: Omit<Account, "id" | "appScopedId" | "selfIgsid" | "createdAt"> & { id?: string }): Account {
    const id = input.id ?? this.ids.accountId();
    if (this.accounts.has(id)) throw new Error(`account ${id} already exists`);
    const account: Account = { ...input, id, appScopedId: this.ids.appScopedId(), selfIgsid: this.ids.igsid(), createdAt: this.clock.now() };
    this.accounts.set(id, account);
    return account;
  }

  addUser(input: Omit<User, "threadId" | "recentMids" | "lastMessageAt" | "igsid"> & { igsid?: string }): User {
    const igsid = input.igsid ?? this.ids.igsid();
    if (this.users.has(igsid)) throw new Error(`user ${igsid} already exists`);
    const user: User = { ...input, igsid, threadId: this.ids.threadId(input.accountId, igsid), recentMids: [], lastMessageAt: null };
    this.users.set(igsid, user);
    this.threads.set(user.threadId, igsid);
    return user;
  }

  /** A user action may name an unknown IGSID (or none): the person then "appears", as on Meta. */
  ensureUser(accountId: string, igsid?: string, username?: string): User {
    if (igsid) {
      const existing = this.users.get(igsid);
      if (existing) {
        if (existing.accountId !== accountId) throw new Error(`user ${igsid} belongs to account ${existing.accountId}, not ${accountId}`);
        return existing;
      }
    }
    const id = igsid ?? this.ids.igsid();
    return this.addUser({
      igsid: id,
      accountId,
      username: username ?? `user_${id.slice(-8)}`,
      name: null,
      profilePic: null,
      followerCount: 0,
      isVerified: false,
      followsBusiness: false,
      businessFollowsUser: false,
      blocked: false,
      threadOwner: "us",
      consent: false,
      lastInboundAt: null,
      lastPrivateReplyAt: null,
    });
  }

  addMedia(input: Omit<Media, "id" | "createdAt"> & { id?: string }): Media {
    const id = input.id ?? this.ids.mediaId();
    if (this.media.has(id)) throw new Error(`media ${id} already exists`);
    const media: Media = { ...input, id, createdAt: this.clock.now() };
    this.media.set(id, media);
    return media;
  }

  /** Comments named without a media land on the account's first post (created on demand). */
  defaultMedia(accountId: string): Media {
    for (const m of this.media.values()) if (m.accountId === accountId && !m.live) return m;
    return this.addMedia({ accountId, productType: "FEED", caption: "", live: false, liveActive: false, ad: null });
  }

  addComment(input: Omit<Comment, "id" | "hidden" | "deleted" | "privateReplied" | "replyIds"> & { id?: string }): Comment {
    const comment: Comment = { ...input, id: input.id ?? this.ids.commentId(), hidden: false, deleted: false, privateReplied: false, replyIds: [] };
    if (comment.parentId) {
      const parent = this.comments.get(comment.parentId);
      if (parent) {
        parent.replyIds.push(comment.id);
        if (parent.replyIds.length > REPLIES_KEPT_PER_COMMENT) parent.replyIds.shift();
      }
    }
    this.comments.set(comment.id, comment);
    if (this.comments.size > this.caps.comments) {
      const oldest = this.comments.keys().next().value;
      if (oldest !== undefined) this.comments.delete(oldest);
      this.evictedComments++;
    }
    return comment;
  }

  /** The live comment, or undefined if unknown, evicted or deleted. */
  liveComment(id: string): Comment | undefined {
    const c = this.comments.get(id);
    return c && !c.deleted ? c : undefined;
  }

  addMessage(message: StoredMessage): StoredMessage {
    this.messages.set(message.mid, message);
    if (this.messages.size > this.caps.messages) {
      const oldest = this.messages.keys().next().value;
      if (oldest !== undefined) this.messages.delete(oldest);
      this.evictedMessages++;
    }
    const user = this.users.get(message.userId);
    if (user) {
      user.recentMids.push(message.mid);
      if (user.recentMids.length > RECENT_MIDS_PER_THREAD) user.recentMids.shift();
      user.lastMessageAt = message.createdAt;
    }
    return message;
  }

  node(id: string): WorldNode | undefined {
    const account = this.accounts.get(id);
    if (account) return { type: "account", account };
    const comment = this.comments.get(id);
    if (comment) return comment.deleted ? undefined : { type: "comment", comment };
    const user = this.users.get(id);
    if (user) return { type: "user", user };
    const media = this.media.get(id);
    if (media) return { type: "media", media };
    const message = this.messages.get(id);
    if (message) return { type: "message", message };
    const threadUser = this.threads.get(id);
    const owner = threadUser ? this.users.get(threadUser) : undefined;
    if (owner) return { type: "thread", user: owner };
    return undefined;
  }

  reset(): void {
    this.accounts.clear();
    this.users.clear();
    this.media.clear();
    this.comments.clear();
    this.messages.clear();
    this.threads.clear();
    this.evictedComments = 0;
    this.evictedMessages = 0;
  }
}
