import { renderMail, type MailContent } from "@/lib/mail/templates/layout";

/** "Reconnect @shop": what stopped, what to do, and that nothing was lost meanwhile. */
export function reconnectMail(opts: { username: string; workspaceName: string; reason: string; url: string }): MailContent & { template: string } {
  return {
    template: "account-reconnect",
    ...renderMail({
      subject: `Reconnect @${opts.username} to keep Replyflow replying`,
      paragraphs: [
        `Instagram stopped accepting Replyflow's connection to @${opts.username} in the workspace "${opts.workspaceName}": ${opts.reason}.`,
        "Replies and DMs for this account are paused and kept. Reconnect the account and they go out on their own; your other accounts are not affected.",
      ],
      action: { label: `Reconnect @${opts.username}`, url: opts.url },
      footer: "You receive this because you own this Replyflow workspace.",
    }),
  };
}
