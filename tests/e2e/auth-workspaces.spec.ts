import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { waitForLink } from "../integration/auth/helpers/mailbox";
import { resetWebLimits } from "./dashboard-helpers";
import { E2E_MAIL_DIR } from "./e2e-env";

/**
 * The whole people story in a real browser: sign up, create a workspace (and a private one),
 * invite a teammate by email; the teammate opens the emailed link, creates an account, joins,
 * and can see the shared workspace and nothing else.
 */
test.beforeAll(resetWebLimits);

// Each person gets their own browser context (own cookies); closed after every test.
const contexts: BrowserContext[] = [];
async function personPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function signUp(page: Page, who: { name?: string; email?: string; password: string }) {
  if (who.name) await page.getByLabel("Your name").fill(who.name);
  if (who.email) await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.goto("/workspaces");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText(`Workspace ${name}`)).toBeVisible();
  return new URL(page.url()).pathname;
}

test("sign up, create a workspace, invite a teammate who joins and sees only that workspace", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const owner = { name: "Olivia Owner", email: `olivia-${stamp}@example.test`, password: "olivia's long passphrase" };
  const mate = { email: `tom-${stamp}@example.test`, password: "tom's long passphrase" };

  const ownerPage = await personPage(browser);
  await ownerPage.goto("/sign-up");
  await signUp(ownerPage, owner);
  await expect(ownerPage).toHaveURL(/\/workspaces$/);
  await expect(ownerPage.getByText("You are not a member of any workspace yet")).toBeVisible();

  const shared = await createWorkspace(ownerPage, `Acme Coffee ${stamp}`);
  expect(shared).toMatch(/^\/w\/acme-coffee-/);
  await expect(ownerPage.getByText("you are owner")).toBeVisible();
  const hidden = await createWorkspace(ownerPage, `Olivia Private ${stamp}`);

  await ownerPage.goto(`${shared}/members`);
  await ownerPage.getByLabel("Email", { exact: true }).fill(mate.email);
  await ownerPage.getByLabel("Role", { exact: true }).selectOption("editor");
  await ownerPage.getByRole("button", { name: "Send invitation" }).click();
  await expect(ownerPage.getByText("Invitation sent.")).toBeVisible();
  await expect(ownerPage.getByRole("cell", { name: mate.email, exact: true })).toBeVisible();

  // The teammate reads the email and follows its link in their own browser.
  const { url } = await waitForLink(E2E_MAIL_DIR, mate.email, /\/invitations\/accept\?token=/, 15_000);
  const matePage = await personPage(browser);
  await matePage.goto(url.pathname + url.search);
  await expect(matePage.getByRole("heading", { name: `Join Acme Coffee ${stamp}` })).toBeVisible();
  await matePage.getByRole("link", { name: "create an account" }).click();
  await expect(matePage.getByLabel("Email")).toHaveValue(mate.email);
  await signUp(matePage, { password: mate.password });
  await expect(matePage).toHaveURL(/\/invitations\/accept\?token=/);
  await matePage.getByRole("button", { name: `Join Acme Coffee ${stamp}` }).click();
  await expect(matePage).toHaveURL(new RegExp(`${shared}$`));
  await expect(matePage.getByText("you are editor")).toBeVisible();

  // Only the shared workspace is theirs; the owner's private one does not exist for them.
  await matePage.goto("/workspaces");
  const list = matePage.getByRole("list").filter({ hasText: "Acme Coffee" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(matePage.getByText(`Olivia Private ${stamp}`)).toHaveCount(0);
  const denied = await matePage.goto(hidden);
  expect(denied?.status()).toBe(404);

  // The owner now sees them among the members, and their invitation is no longer open.
  await ownerPage.goto(`${shared}/members`);
  await expect(ownerPage.getByRole("cell", { name: mate.email, exact: true })).toHaveCount(1);
  await expect(ownerPage.getByText("No open invitations.")).toBeVisible();
});

test("responses carry the security headers, and cross-site form posts are refused", async ({ request }) => {
  const page = await request.get("/sign-in");
  const headers = page.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  const cross = await request.post("/api/v1/workspaces", { headers: { origin: "https://evil.example", "content-type": "application/json" }, data: { name: "x" } });
  expect(cross.status()).toBe(403);
  expect(await cross.json()).toMatchObject({ code: "csrf_failed" });
  const webhook = await request.post("/api/webhooks/instagram", { headers: { origin: "https://evil.example" }, data: "{}" });
  expect(webhook.status()).not.toBe(403);
});

test("an API key is shown once, works, and stops on revoke; sign out, forgotten password, sign in again", async ({ browser, request }) => {
  const stamp = Date.now().toString(36);
  const user = { email: `kim-${stamp}@example.test`, password: "kim's first passphrase", newPassword: "kim's second passphrase" };
  const page = await personPage(browser);
  await page.goto("/sign-up");
  await signUp(page, user);
  await expect(page).toHaveURL(/\/workspaces$/);
  const base = await createWorkspace(page, `Keys ${stamp}`);

  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page).toHaveURL(`${base}/api-keys`);
  await page.getByLabel("Name").fill("Zapier");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByLabel(/copy it now/);
  await expect(shown).toHaveValue(/^rf_live_/);
  const key = await shown.inputValue();
  await expect(page.getByRole("cell", { name: "Zapier", exact: true })).toBeVisible();
  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
  expect(await me.json()).toMatchObject({ type: "api_key", apiKey: { name: "Zapier" }, workspace: { name: `Keys ${stamp}` } });
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0); // never shown again
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("cell", { name: "revoked" })).toBeVisible();
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(base);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not my password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(user.email);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText("If an account exists for that email")).toBeVisible();
  const { url } = await waitForLink(E2E_MAIL_DIR, user.email, /\/reset-password\?token=/, 15_000);
  await page.goto(url.pathname + url.search);
  await page.getByLabel("New password").fill(user.newPassword);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText("Your password was changed")).toBeVisible();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByRole("link", { name: new RegExp(`Keys ${stamp}`) })).toBeVisible();
});
