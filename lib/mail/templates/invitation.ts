import { renderMail, type MailContent } from "./layout";

export function invitationMail(opts: { url: string; workspaceName: string; inviterName: string; role: string; expiresInDays: number }): MailContent & { template: string } {
  return {
    template: "invitation",
    ...renderMail({
      subject: `${opts.inviterName} invited you to ${opts.workspaceName} on Replyflow`,
      paragraphs: [
        `${opts.inviterName} invited you to join the workspace "${opts.workspaceName}" on Replyflow as ${opts.role}.`,
        `The invitation is valid for ${opts.expiresInDays} days. Sign in, or create an account with this email address, to accept it.`,
      ],
      action: { label: "Accept the invitation", url: opts.url },
      footer: "If you did not expect this, ignore this email.",
    }),
  };
}
