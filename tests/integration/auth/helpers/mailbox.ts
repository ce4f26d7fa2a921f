import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Reads the .eml files the `file://` mail transport writes, the way a person reads the email:
 * recipient, subject, and the plain-text body with its links. Enough MIME for what nodemailer
 * produces (multipart/alternative, quoted-printable or base64 parts, RFC 2047 subjects).
 */
export type Mail = { file: string; to: string; subject: string; text: string; raw: string };

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const soft = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

function splitHeaders(block: string): { headers: Map<string, string>; body: string } {
  const at = block.search(/\r?\n\r?\n/);
  const head = at === -1 ? block : block.slice(0, at);
  const body = at === -1 ? "" : block.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

function textOf(block: string): string | undefined {
  const { headers, body } = splitHeaders(block);
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    // The first piece is the preamble and the last the closing "--"; neither is a part.
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith("--")) break;
      const found = textOf(part.replace(/^\r?\n/, ""));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!/^text\/plain/i.test(type)) return undefined;
  const cte = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (cte === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (cte === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

export function readMailbox(dir: string): Mail[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((f) => {
      const raw = readFileSync(path.join(dir, f), "utf8");
      const { headers } = splitHeaders(raw);
      return { file: f, to: headers.get("to") ?? "", subject: decodeWords(headers.get("subject") ?? ""), text: textOf(raw) ?? "", raw };
    });
}

/** The newest email to `to` whose body has a link matching `pattern`; waits a little for it to land. */
export async function waitForLink(dir: string, to: string, pattern: RegExp, timeoutMs = 10_000): Promise<{ mail: Mail; url: URL }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = readMailbox(dir).filter((m) => m.to.toLowerCase().includes(to.toLowerCase()));
    for (const mail of mails.reverse()) {
      const link = mail.text.match(/https?:\/\/\S+/g)?.find((u) => pattern.test(u));
      if (link) return { mail, url: new URL(link) };
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} with a link matching ${pattern} in ${dir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
