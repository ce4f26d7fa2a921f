import { expect, test } from "@playwright/test";

test("the home page renders in a real browser and links to a healthy service", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Replyflow" })).toBeVisible();
  await page.getByRole("link", { name: "/api/health" }).click();
  const body = JSON.parse((await page.locator("body").innerText()).trim());
  expect(body).toMatchObject({ status: "ok", service: "web", checks: { mysql: { ok: true }, redis: { ok: true } } });
});
