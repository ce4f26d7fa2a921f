import { env } from "@/lib/env";
import type { Logger } from "@/lib/logger";
import { createMailTransport, type MailTransport } from "./transport";
import type { MailContent } from "./templates/layout";

const store = globalThis as unknown as { __replyflowMail?: { url: string; transport: MailTransport } };

function transport(): MailTransport {
  const url = env().MAIL_TRANSPORT;
  if (store.__replyflowMail?.url !== url) store.__replyflowMail = { url, transport: createMailTransport(url) };
  return store.__replyflowMail.transport;
}

/**
 * Sends one transactional email. The log line names the template and the recipient's domain,
 * never the body: it holds single-use links that are as good as a password.
 */
export async function sendMail(to: string, content: MailContent & { template: string }, log: Logger): Promise<void> {
  const t = transport();
  const { messageId } = await t.send({ from: env().MAIL_FROM, to, subject: content.subject, text: content.text, html: content.html });
  log.info({ template: content.template, toDomain: to.split("@")[1], transport: t.kind, messageId }, "email sent");
}
