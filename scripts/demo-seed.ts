import { randomUUID } from "node:crypto";
import { createAutomation } from "@/lib/automations/services/create-automation";
import type { TAutomationDefinitionInput } from "@/lib/automations/schema";
import { ZCreateAutomation } from "@/lib/automations/schema";
import { getDb, primary } from "@/lib/db";
import { completeConnection } from "@/lib/instagram/connect/complete-connection";
import { startConnection } from "@/lib/instagram/connect/start-connection";
import { rootLogger } from "@/lib/logger";
import type { UserTenantContext } from "@/lib/tenancy/context";
import { resolveMembership } from "@/lib/tenancy/resolve-membership";
import { DEMO_LOGIN } from "@/prisma/seed-data";

/**
 * What `npm run demo` puts in the demo workspace besides the plans and the login
 * (prisma/seed-data.ts): the simulator's Instagram account connected through the real connect
 * service (Instagram Login against the simulator; token encrypted like any connect), three
 * automations through the automation service, and a few hundred contacts. Idempotent: a
 * second run reconnects the account in place and leaves existing automations and contacts alone.
 */

/** The demo owner acting in the demo workspace, as the dashboard's server actions would. */
export async function demoOwnerContext(slug: string): Promise<UserTenantContext> {
  const user = await primary().user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email }, select: { id: true, email: true, name: true } });
  const membership = await resolveMembership(user.id, { slug });
  if (!membership) throw new Error(`${DEMO_LOGIN.email} is not a member of ${slug}`);
  const { db, read } = getDb(membership.tenant.id);
  const requestId = randomUUID();
  return { tenant: membership.tenant, user, role: membership.role, db, read, requestId, log: rootLogger().child({ requestId, tenantId: membership.tenant.id, demo: true }) };
}

/**
 * Instagram Login, the way a browser would go through it: our consent URL → the simulator's
 * consent (auto-approved) → the code on our callback URL → completeConnection (code exchange,
 * long-lived token, /me, webhook subscription, encrypted token row, ingest directory).
 */
export async function connectDemoAccount(ctx: UserTenantContext): Promise<{ id: string; username: string }> {
  const { url } = await startConnection(ctx);
  const consent = await fetch(url, { redirect: "manual" });
  const location = consent.headers.get("location");
  const code = location ? new URL(location).searchParams.get("code") : null;
  if (!code) throw new Error(`the simulator's consent did not redirect with a code (HTTP ${consent.status})`);
  const { account } = await completeConnection(ctx, { code });
  return { id: account.id, username: account.username };
}

const MENU_URL = "https://aurora-coffee.example/menu";

const AUTOMATIONS: { name: string; priority: number; definition: TAutomationDefinitionInput }[] = [
  {
    name: "Price list by DM",
    priority: 10,
    definition: {
      trigger: { type: "comment", posts: { mode: "any" } },
      conditions: { keywords: { mode: "contains_word", values: ["price", "prices", "how much", "menu"] }, excludeKeywords: ["refund"], reentry: { policy: "once_per_post" } },
      actions: [
        { type: "public_reply", variants: ["Sent you a DM, {{first_name|friend}}!", "Check your inbox, {{first_name|friend}} - the price list is there.", "Just messaged you the menu!"] },
        {
          type: "private_reply",
          message: { text: "{Hi|Hey} {{first_name|there}}! Espresso 2.50, flat white 3.60, oat latte 3.90. Full menu below.", buttons: [{ type: "web_url", title: "See the menu", url: MENU_URL }] },
        },
        { type: "tag_contact", tags: ["price-list"] },
      ],
    },
  },
  {
    name: "Welcome new DMs",
    priority: 0,
    definition: {
      trigger: { type: "first_dm" },
      conditions: { reentry: { policy: "once_per_contact" } },
      actions: [
        {
          type: "dm",
          message: {
            text: "Welcome to Aurora Coffee, {{first_name|friend}}! What can we do for you?",
            quickReplies: [
              { title: "Price list", payload: "PRICE_LIST" },
              { title: "Opening hours", payload: "HOURS" },
              { title: "Order ahead", payload: "ORDER" },
            ],
          },
        },
        { type: "tag_contact", tags: ["new"] },
      ],
    },
  },
  {
    name: "Prices and hours by DM",
    priority: 20,
    definition: {
      trigger: { type: "dm_keyword" },
      conditions: { keywords: { mode: "contains_word", values: ["price", "prices", "menu", "hours", "open"] }, reentry: { policy: "cooldown", minutes: 30 } },
      actions: [{ type: "dm", message: { text: "We are open Mon-Sat 7:00-18:00 and Sun 9:00-16:00, {{first_name|friend}}. Our full price list: " + MENU_URL } }],
    },
  },
];

export async function seedDemoAutomations(ctx: UserTenantContext, accountId: string): Promise<number> {
  let created = 0;
  for (const a of AUTOMATIONS) {
    const exists = await ctx.db.automation.findFirst({ where: { name: a.name, deletedAt: null }, select: { id: true } });
    if (exists) continue;
    await createAutomation(ctx, ZCreateAutomation.parse({ accountId, name: a.name, priority: a.priority, status: "active", definition: a.definition }));
    created++;
  }
  return created;
}

const FIRST = ["mia", "leon", "emma", "noah", "lina", "paul", "ella", "finn", "sofia", "jonas", "lea", "ben", "marie", "luis", "nora", "elias", "anna", "felix", "clara", "max"];
const LAST = ["berlin", "coffee", "daily", "eats", "bakes", "travels", "studio", "writes", "runs", "lens"];

/** A few hundred people who commented or wrote before the demo started, with tags and windows in every state. */
export async function seedDemoContacts(ctx: UserTenantContext, accountId: string, count = 300): Promise<number> {
  const now = Date.now();
  const tags = [[], ["price-list"], ["new"], ["price-list", "regular"], ["wholesale"], []];
  const { count: created } = await ctx.db.contact.createMany({
    skipDuplicates: true,
    data: Array.from({ length: count }, (_, i) => {
      const seen = new Date(now - ((i * 7919) % (14 * 24 * 60)) * 60_000);
      const wroteIn = i % 4 === 0 ? new Date(seen.getTime() - 60_000) : null;
      return {
        tenantId: ctx.tenant.id,
        accountId,
        igsid: `58${String(1_000_000 + i)}`,
        username: `${FIRST[i % FIRST.length]}.${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 200 ? i : ""}`,
        firstSeenAt: new Date(seen.getTime() - ((i * 104_729) % (60 * 86_400)) * 1000),
        lastSeenAt: seen,
        lastInboundAt: wroteIn,
        tags: tags[i % tags.length]!,
        optedOut: i % 97 === 0,
      };
    }),
  });
  return created;
}
