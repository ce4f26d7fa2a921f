import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

/**
 * Where email goes, from MAIL_TRANSPORT: `smtp://` / `smtps://` through nodemailer, or
 * `file://dir`, which writes each message as an .eml file — what development and the tests
 * use, so a test can open the invitation or reset email a real user would receive.
 */
export type OutgoingMail = { from: string; to: string; subject: string; text: string; html: string };
export type MailTransport = { kind: "smtp" | "file"; send(mail: OutgoingMail): Promise<{ messageId: string }> };

/** `file:///abs/dir` → /abs/dir; `file://./rel/dir` → ./rel/dir resolved against the working directory. */
export function mailDirFromUrl(url: string): string {
  const rest = url.replace(/^file:\/\//, "");
  return path.resolve(rest);
}

export function createMailTransport(url: string): MailTransport {
  if (url.startsWith("file://")) return fileTransport(mailDirFromUrl(url));
  const smtp = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(mail) {
      const info = await smtp.sendMail(mail);
      return { messageId: String(info.messageId) };
    },
  };
}

function fileTransport(dir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(mail) {
      const info = await composer.sendMail(mail);
      await mkdir(dir, { recursive: true });
      const name = `${Date.now()}-${randomBytes(4).toString("hex")}.eml`;
      // Write then rename: a reader polling the directory never sees half a message.
      const tmp = path.join(dir, `.${name}.tmp`);
      await writeFile(tmp, info.message as Buffer, { mode: 0o600 });
      await rename(tmp, path.join(dir, name));
      return { messageId: String(info.messageId) };
    },
  };
}
