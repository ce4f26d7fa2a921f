import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { Redis } from "ioredis";
import { E2E_ENV, E2E_SIM_URL } from "./e2e-env";

/** Screenshots of the dashboard, kept as test artifacts (not compared: they are for people to look at). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/screenshots");
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Every e2e request comes from 127.0.0.1: start each spec file with fresh sign-up/sign-in budgets. */
export async function resetWebLimits(): Promise<void> {
  const redis = new Redis(E2E_ENV.REDIS_URL!, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${E2E_ENV.REDIS_PREFIX}:rl:*`, "COUNT", 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

export async function signUp(page: Page, who: { name?: string; email?: string; password: string }): Promise<void> {
  if (who.name) await page.getByLabel("Your name").fill(who.name);
  if (who.email) await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/workspaces$/);
}

/** Creates a workspace from /workspaces and returns its base path (/w/<slug>). */
export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.goto("/workspaces");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname;
}

async function simAdmin<T>(pathname: string, body: unknown): Promise<T> {
  const res = await fetch(`${E2E_SIM_URL}/__admin/${pathname}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`simulator ${pathname}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A fresh Instagram account in the simulator, made the one its consent screen logs in as, so
 * "Connect Instagram account" attaches it (an account belongs to one workspace only).
 */
export async function newSimAccount(id: string, username: string): Promise<void> {
  await simAdmin("accounts", { id, username });
  await simAdmin("config", { oauthAccountId: id });
}

/** A person comments on the account's post in the simulator; its webhook goes to the web app. */
export async function simComment(accountId: string, text: string): Promise<{ userId: string; commentId: string }> {
  const r = await simAdmin<{ userId: string; commentId: string } | { results: { userId: string; commentId: string }[] }>("actions", { type: "comment", accountId, text, username: "coffee_lover" });
  return "results" in r ? r.results[0]! : r;
}

/** Connects the simulator's current login account from the accounts page, as a member would. */
export async function connectInstagram(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/accounts`);
  await page.getByRole("button", { name: "Connect Instagram account" }).click();
  await page.waitForURL(/\/accounts\?connected=/);
  await expect(page.getByRole("status")).toHaveText(new RegExp(`Connected @${username}`));
}

/** Full-page screenshot at one viewport, back to the desktop size afterwards. */
export async function shoot(page: Page, name: string, viewport: { width: number; height: number }, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize(viewport);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300); // charts re-measure their container after a resize
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
  await page.setViewportSize(DESKTOP);
}
