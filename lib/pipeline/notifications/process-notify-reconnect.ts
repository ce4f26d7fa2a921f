import type { Job } from "bullmq";
import type { Logger } from "pino";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { ZNotifyReconnectJob } from "../jobs/notify-reconnect-job";
import { reconnectMail } from "./reconnect-mail";

/**
 * The `account-reconnect-needed` notification: one email to each owner of the workspace (its
 * admins when it has no owner) saying which account must be reconnected and why. Skipped when
 * the account is active again by the time the job runs.
 */
export async function processNotifyReconnect(job: Job, pctx: { log: Logger }): Promise<unknown> {
  const data = ZNotifyReconnectJob.parse(job.data);
  const { db } = getDb(data.tenantId);
  const account = await db.instagramAccount.findFirst({ where: { id: data.accountId }, select: { username: true, status: true } });
  if (!account || account.status !== "reconnect_required") return { outcome: "not_needed" };
  const tenant = await db.tenant.findFirst({ where: { id: data.tenantId }, select: { name: true } });
  const members = await db.membership.findMany({ where: { role: { in: ["owner", "admin"] } }, select: { role: true, user: { select: { email: true } } } });
  const owners = members.filter((m) => m.role === "owner");
  const recipients = (owners.length ? owners : members).map((m) => m.user.email);
  const url = `${env().APP_URL.replace(/\/+$/, "")}/accounts?reconnect=${encodeURIComponent(data.accountId)}`;
  const mail = reconnectMail({ username: account.username, workspaceName: tenant?.name ?? "your workspace", reason: data.reason, url });
  for (const to of recipients) await sendMail(to, mail, pctx.log);
  return { outcome: "sent", recipients: recipients.length };
}
