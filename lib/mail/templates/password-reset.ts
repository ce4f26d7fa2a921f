import { renderMail, type MailContent } from "./layout";

export function passwordResetMail(opts: { url: string; expiresInMinutes: number }): MailContent & { template: string } {
  return {
    template: "password-reset",
    ...renderMail({
      subject: "Reset your Replyflow password",
      paragraphs: [
        "Someone asked to reset the password of your Replyflow account.",
        `The link below works once, for ${opts.expiresInMinutes} minutes. If it was not you, ignore this email: your password stays as it is.`,
      ],
      action: { label: "Choose a new password", url: opts.url },
      footer: "Replyflow",
    }),
  };
}
