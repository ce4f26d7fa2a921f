/**
 * Tracked links (SPEC §3): every http(s) link in an automated DM goes out as
 * `${APP_URL}/r/<code>`, and the redirect counts the click. Codes are random (see link-code.ts)
 * so a link reveals nothing about the workspace. Pure: the code generator is passed in.
 */
export type TrackedLinkDraft = { code: string; url: string };

// A URL runs to the next whitespace or quote/bracket; sentence punctuation right after it is
// not part of it ("see https://x.com/a." links to https://x.com/a).
const URL_RE = /https?:\/\/[^\s<>"'`]+/giu;
const TRAILING = /[.,;:!?)\]}'"»”’…]+$/u;

export class LinkRewriter {
  readonly links: TrackedLinkDraft[] = [];
  private readonly byUrl = new Map<string, string>();
  private readonly prefix: string;

  constructor(appUrl: string, private readonly newCode: () => string) {
    this.prefix = `${appUrl.replace(/\/+$/, "")}/r/`;
  }

  /** The tracked URL for `url` (one code per distinct URL in the message); our own links stay as they are. */
  url(url: string): string {
    if (url.startsWith(this.prefix) || !URL.canParse(url)) return url;
    let code = this.byUrl.get(url);
    if (!code) {
      code = this.newCode();
      this.byUrl.set(url, code);
      this.links.push({ code, url });
    }
    return this.prefix + code;
  }

  text(text: string): string {
    return text.replace(URL_RE, (match) => {
      const trail = TRAILING.exec(match)?.[0] ?? "";
      const bare = trail ? match.slice(0, -trail.length) : match;
      return bare ? this.url(bare) + trail : match;
    });
  }
}
