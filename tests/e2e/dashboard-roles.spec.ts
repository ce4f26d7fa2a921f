import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { waitForLink } from "../integration/auth/helpers/mailbox";
import { connectInstagram, createWorkspace, newSimAccount, resetWebLimits, signUp } from "./dashboard-helpers";
import { E2E_MAIL_DIR } from "./e2e-env";

/**
 * Roles as people meet them: an editor sees the members but none of the actions that manage
 * them; a viewer sees automations but cannot change them — the controls are absent or
 * disabled, and the server refuses the change anyway.
 */
test.beforeAll(resetWebLimits);

const contexts: BrowserContext[] = [];
async function personPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  return context.newPage();
}
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function join(browser: Browser, email: string, workspace: string): Promise<Page> {
  const { url } = await waitForLink(E2E_MAIL_DIR, email, /\/invitations\/accept\?token=/, 15_000);
  const page = await personPage(browser);
  await page.goto(url.pathname + url.search);
  await page.getByRole("link", { name: "create an account" }).click();
  await signUp(page, { password: `${email} passphrase` });
  await page.getByRole("button", { name: `Join ${workspace}` }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return page;
}

test("an editor cannot see members' settings; a viewer cannot edit automations", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const workspace = `Roles Bakery ${stamp}`;
  const owner = await personPage(browser);
  await owner.goto("/sign-up");
  await signUp(owner, { name: "Olga Owner", email: `olga-${stamp}@example.test`, password: "olga's long passphrase" });
  await owner.waitForURL(/\/workspaces$/);
  const base = await createWorkspace(owner, workspace);
  await newSimAccount("17841400000000778", "roles_bakery");
  await connectInstagram(owner, base, "roles_bakery");
  await owner.goto(`${base}/automations/new`);
  await owner.getByLabel("Automation name").fill("Croissant prices");
  await owner.getByRole("button", { name: "Save as draft" }).click();
  await owner.waitForURL(/\/automations\/(?!new$)[a-z0-9]+$/);
  const automationPath = new URL(owner.url()).pathname;

  // The Free plan has two seats: one teammate, first an editor, then demoted to viewer.
  const mateEmail = `eddie-${stamp}@example.test`;
  await owner.goto(`${base}/members`);
  await owner.getByLabel("Email", { exact: true }).fill(mateEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("editor");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByRole("cell", { name: mateEmail, exact: true })).toBeVisible();
  // The owner has the member controls the others must not see.
  await expect(owner.getByRole("heading", { name: "Invite someone" })).toBeVisible();

  const editor = await join(browser, mateEmail, workspace);
  await editor.goto(`${base}/members`);
  await expect(editor.getByRole("cell", { name: "olga-", exact: false }).first()).toBeVisible();
  await expect(editor.getByRole("heading", { name: "Invitations" })).toHaveCount(0);
  await expect(editor.getByRole("heading", { name: "Invite someone" })).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await expect(editor.getByRole("combobox", { name: /^Role of / })).toHaveCount(0);
  await expect(editor.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await editor.goto(`${base}/settings`);
  await expect(editor.getByText("Only owners and admins change settings.")).toBeVisible();
  await expect(editor.getByRole("button", { name: "Rename" })).toHaveCount(0);
  // …but an editor does edit automations.
  await editor.goto(automationPath);
  await expect(editor.getByLabel("Automation name")).toBeEnabled();
  await expect(editor.getByRole("button", { name: "Save changes" })).toBeVisible();

  // The owner makes them a viewer; it applies on their next click.
  await owner.goto(`${base}/members`);
  await owner.getByRole("combobox", { name: `Role of ${mateEmail}` }).selectOption("viewer");
  await owner.getByRole("row", { name: new RegExp(mateEmail) }).getByRole("button", { name: "Save" }).click();
  await expect(async () => {
    await owner.reload();
    await expect(owner.getByRole("combobox", { name: `Role of ${mateEmail}` })).toHaveValue("viewer", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  const viewer = editor;
  await viewer.goto(`${base}/automations`);
  await expect(viewer.getByRole("link", { name: "Croissant prices" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "New automation" })).toHaveCount(0);
  await expect(viewer.getByRole("switch")).toHaveCount(0);
  await viewer.getByRole("link", { name: "Croissant prices" }).click();
  await expect(viewer.getByText("Only owners, admins and editors change automations.")).toBeVisible();
  await expect(viewer.getByLabel("Automation name")).toBeDisabled();
  await expect(viewer.getByLabel("Keywords", { exact: true })).toBeDisabled();
  await expect(viewer.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Add variant" })).toHaveCount(0);
  // Viewers may still test: reading is allowed.
  await viewer.getByRole("button", { name: "Test this comment" }).click();
  await expect(viewer.getByTestId("test-result")).toBeVisible();
  const newAutomation = await viewer.goto(`${base}/automations/new`);
  expect(new URL(viewer.url()).pathname).toBe(`${base}/automations`);
  expect(newAutomation?.ok()).toBe(true);

  // The server refuses anyway: the viewer's own session, straight at the API.
  const { data } = (await (await viewer.request.get("/api/v1/workspaces")).json()) as { data: { id: string; slug: string }[] };
  const ws = data.find((w) => base.endsWith(w.slug))!;
  const automationId = automationPath.split("/").pop()!;
  const refused = await viewer.request.patch(`/api/v1/automations/${automationId}`, { headers: { "x-workspace": ws.id }, data: { name: "Hacked" } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ code: "forbidden" });
  const activate = await viewer.request.post(`/api/v1/automations/${automationId}/activate`, { headers: { "x-workspace": ws.id } });
  expect(activate.status()).toBe(403);
});
