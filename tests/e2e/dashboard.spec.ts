import { expect, test } from "@playwright/test";
import { connectInstagram, createWorkspace, DESKTOP, newSimAccount, PHONE, resetWebLimits, shoot, signUp, simComment } from "./dashboard-helpers";

/**
 * The product as a new customer meets it, end to end through the real pipeline: sign up,
 * create a workspace, connect Instagram (the simulator), build a comment-to-DM automation in
 * the builder, test it, switch it on; a follower comments; the webhook goes to the web app,
 * the worker answers publicly and by private reply, and the activity log and the overview
 * show both as sent.
 */
test.beforeAll(resetWebLimits);
test.use({ viewport: DESKTOP });

const IG_ID = "17841400000000777";
const IG_USERNAME = "e2e_coffee";

test("a new user connects Instagram, builds a comment-to-DM automation, and sees the reply and the DM sent", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  await page.goto("/sign-up");
  await signUp(page, { name: "Nora New", email: `nora-${stamp}@example.test`, password: "nora's long passphrase" });
  await page.waitForURL(/\/workspaces$/);
  const base = await createWorkspace(page, `Nora's Coffee ${stamp}`);

  // A new workspace is told what to do next.
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Connect Instagram" })).toBeVisible();

  await newSimAccount(IG_ID, IG_USERNAME);
  await connectInstagram(page, base, IG_USERNAME);

  // The builder: a comment on any post containing PRICE → public reply + private reply (the DM).
  await page.getByRole("link", { name: "Automations" }).click();
  await page.getByRole("link", { name: "New automation" }).first().click();
  await expect(page.getByRole("heading", { name: "New automation" })).toBeVisible();
  await page.getByLabel("Automation name").fill("Price list by DM");
  await expect(page.getByLabel("Comment on a post or reel")).toBeChecked();
  await page.getByLabel("Keywords", { exact: true }).fill("PRICE, how much");
  await page.getByLabel("Public reply variant 1").fill("Just sent you a DM, {{first_name|friend}}!");
  await page.getByLabel("Message text").fill("Hi {{first_name|there}}! Our price list: espresso 2.50, latte 3.80.");

  // The engine's validation shows inline, as you type.
  await page.getByLabel("Message text").fill("");
  await expect(page.getByText(/problem.? to fix before saving/)).toBeVisible();
  await page.getByLabel("Message text").fill("Hi {{first_name|there}}! Our price list: espresso 2.50, latte 3.80.");
  await expect(page.getByText("Ready to save")).toBeVisible();

  // "Test this comment" explains which automation would answer and why, sending nothing.
  await page.getByLabel("Sample text").fill("what's the PRICE of a latte?");
  await page.getByRole("button", { name: "Test this comment" }).click();
  const result = page.getByTestId("test-result");
  await expect(result).toContainText('"Price list by DM" answers a comment');
  await expect(result).toContainText("public reply");
  await page.getByLabel("Sample text").fill("lovely photo!");
  await page.getByRole("button", { name: "Test this comment" }).click();
  await expect(result).toContainText("No automation answers a comment");
  await expect(result).toContainText(/doesn't contain/i);
  await page.getByLabel("Sample text").fill("what's the PRICE of a latte?");
  await page.getByRole("button", { name: "Test this comment" }).click();
  await expect(result).toContainText('"Price list by DM" answers a comment');
  await shoot(page, "builder-desktop", DESKTOP, true);
  await shoot(page, "builder-phone", PHONE);

  await page.getByRole("button", { name: "Save and activate" }).click();
  await page.waitForURL(/\/automations\/(?!new$)[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Price list by DM" })).toBeVisible();
  await page.getByRole("link", { name: "Automations" }).click();
  await expect(page.getByRole("switch", { name: "Price list by DM: active" })).toBeChecked();

  // A follower comments; Instagram (the simulator) sends the webhook; the worker answers.
  const { commentId } = await simComment(IG_ID, "PRICE? 😍");

  await page.goto(`${base}/activity`);
  const publicReply = page.getByRole("row").filter({ hasText: "Public reply" });
  const privateReply = page.getByRole("row").filter({ hasText: "Private reply" });
  await expect(async () => {
    await page.reload();
    await expect(publicReply.getByText("Sent", { exact: true })).toBeVisible({ timeout: 1_000 });
    await expect(privateReply.getByText("Sent", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await expect(publicReply).toContainText("@coffee_lover");
  await expect(privateReply).toContainText("Our price list");

  // "Why didn't @user get a DM?" — here they did, and the lookup says so.
  await page.getByLabel("Why didn't someone get a DM?").fill(commentId);
  await page.getByLabel("Look up by").selectOption("commentId");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByTestId("lookup-summary")).toContainText('was sent a private reply by "Price list by DM"');
  await page.getByRole("link", { name: "Runs" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Price list by DM" }).first()).toContainText("Matched");
  await page.getByRole("link", { name: "Messages" }).click();
  await shoot(page, "new-user-activity-desktop", DESKTOP);

  // The overview counts both sends, in the totals and in the chart's data for today.
  await page.getByRole("link", { name: "Overview" }).click();
  const sent = page.getByLabel("Totals").locator("div").filter({ hasText: "Replies sent" });
  await expect(sent.locator("dd").first()).toHaveText("2");
  // A new workspace opens on the last 24 hours, hour by hour; the chart's data table sums to the same.
  const chartData = page.getByRole("table", { name: "Hourly activity" });
  const sentPerHour = await chartData.locator("tbody tr").evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll("td")[1]?.textContent ?? 0)));
  expect(sentPerHour.reduce((a, b) => a + b, 0)).toBe(2); // columns: Events, Sent, …
  await expect(page.getByText("Receiving events")).toBeVisible();
  await shoot(page, "new-user-overview-desktop", DESKTOP, true);
  await shoot(page, "new-user-overview-phone", PHONE);
});
