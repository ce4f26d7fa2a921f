/**
 * What the accounts page says after Instagram sends the browser back. The callback redirects
 * with a stable code only (`?error=account_in_other_workspace`); the words live here, so a URL
 * can never be used to make the page display arbitrary text.
 */
const MESSAGES: Record<string, string> = {
  denied: "The connection was cancelled on Instagram. Nothing was changed.",
  account_in_other_workspace: "This Instagram account is already connected to another Replyflow workspace. Disconnect it there first.",
  instagram_permissions_missing: "Instagram did not grant every permission Replyflow needs. Connect again and keep every permission selected.",
  instagram_error: "Instagram could not complete the connection. Please try again in a moment.",
  plan_limit_reached: "Your plan's limit of connected Instagram accounts is reached. Disconnect an account or upgrade first.",
  forbidden: "Only owners and admins can connect Instagram accounts.",
  gone: "The connection attempt expired. Please start again.",
  conflict: "This connection link was already used. Please start again.",
  bad_request: "Instagram's answer was incomplete. Please start again.",
};

export const CONNECT_ERROR_CODES = Object.keys(MESSAGES);

export function connectErrorMessage(code: string): string {
  return MESSAGES[code] ?? "The Instagram account could not be connected. Please try again.";
}
