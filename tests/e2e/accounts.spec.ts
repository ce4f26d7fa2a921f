import { expect, test } from "@playwright/test";
import { E2E_SIM_URL } from "./e2e-env";

/**
 * Connecting an Instagram account in a real browser: the owner clicks the button, the browser
 * goes to the simulator's Instagram Login consent (auto-approved for its test account), comes
 * back through /api/instagram/callback, and the accounts page shows the account as active.
 */
test("an owner connects an Instagram account through Instagram Login and sees it active", async ({ page }) => {
  const email = `owner-${Date.now()}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Olivia Owner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/workspaces");

  await page.getByLabel("Workspace name").fill("Olivia's Shop");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await page.getByRole("link", { name: "Instagram accounts" }).click();
  await expect(page.getByRole("heading", { name: "Instagram accounts" })).toBeVisible();
  await expect(page.getByText("No Instagram account is connected yet.")).toBeVisible();

  // Every hop of the flow, in order: our page → Instagram's consent → our callback → our page.
  const hops: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) hops.push(new URL(r.url()).origin + new URL(r.url()).pathname);
  });
  await page.getByRole("button", { name: "Connect Instagram account" }).click();
  await page.waitForURL(/\/accounts\?connected=/);

  expect(hops).toContain(`${E2E_SIM_URL}/oauth/authorize`);
  expect(hops.some((h) => h.endsWith("/api/instagram/callback"))).toBe(true);
  await expect(page.getByRole("status")).toHaveText(/Connected @replyflow_demo/);
  const row = page.getByRole("row", { name: /@replyflow_demo/ });
  await expect(row.getByText("Active")).toBeVisible();
  await expect(row).toContainText("comments, live_comments, messages");
  await expect(page.getByRole("button", { name: "Disconnect @replyflow_demo" })).toBeVisible();

  // Instagram (the simulator) really has the webhook subscription the page reports.
  const simAccount = (await (await fetch(`${E2E_SIM_URL}/__admin/accounts/17841400000000001`)).json()) as { subscribedFields: string[] };
  expect(simAccount.subscribedFields).toEqual(expect.arrayContaining(["comments", "messages", "messaging_postbacks"]));

  // Disconnecting from the same page.
  await page.getByRole("button", { name: "Disconnect @replyflow_demo" }).click();
  await expect(row.getByText("Disconnected")).toBeVisible();
});
