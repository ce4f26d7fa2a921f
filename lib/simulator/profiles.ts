import type { SimContext } from "./context";
import { GraphError } from "./errors";
import { authenticate, gate, requireScope, respond, type GraphRequest } from "./graph-request";
import { parseFields, selectFields, stringParam } from "./http";
import { SCOPES } from "./tokens";
import type { User } from "./world";

/**
 * `GET /me` (and `GET /{own-ig-id}`): `id` is the app-scoped id that the code exchange also
 * returned, while `user_id` is the professional account id used in webhooks' `entry.id` and in
 * paths (reference §4.1 step 6) — clients that store `id` route nothing.
 */
export async function handleReadAccount(ctx: SimContext, gr: GraphRequest, nodeId: string): Promise<void> {
  const authed = authenticate(ctx, gr);
  const a = authed.account;
  if (nodeId !== "me" && nodeId !== a.id) throw new GraphError("unsupportedRequest", { method: "get", id: nodeId });
  const body = selectFields(parseFields(stringParam(gr.params, "fields")), ["id"], {
    id: () => a.appScopedId,
    user_id: () => a.id,
    username: () => a.username,
    name: () => a.name,
    account_type: () => a.accountType,
    profile_picture_url: () => a.profilePictureUrl,
    followers_count: () => a.followersCount,
    follows_count: () => 0,
    media_count: () => {
      let n = 0;
      for (const m of ctx.world.media.values()) if (m.accountId === a.id) n++;
      return n;
    },
  }, "User");
  await gate(ctx, gr, a, "me", "buc");
  respond(gr, body);
}

/**
 * The User Profile API (reference §2.6): readable only once the person has DMed the account or
 * tapped an ice breaker / postback; until then 230 "User consent is required…". A commenter
 * alone has not consented.
 */
export async function handleReadProfile(ctx: SimContext, gr: GraphRequest, user: User): Promise<void> {
  const authed = authenticate(ctx, gr);
  if (user.accountId !== authed.account.id) throw new GraphError("unsupportedRequest", { method: "get", id: user.igsid });
  requireScope(authed, SCOPES.messages);
  const fields = parseFields(stringParam(gr.params, "fields"));
  const body = selectFields(fields, ["id"], {
    id: () => user.igsid,
    name: () => user.name,
    username: () => user.username,
    profile_pic: () => user.profilePic,
    follower_count: () => user.followerCount,
    is_user_follow_business: () => user.followsBusiness,
    is_business_follow_user: () => user.businessFollowsUser,
    is_verified_user: () => user.isVerified,
  }, "User");
  await gate(ctx, gr, authed.account, "profile", "buc");
  if (user.blocked) throw new GraphError("userUnavailable");
  if (!user.consent) throw new GraphError("profileConsent");
  respond(gr, body);
}
