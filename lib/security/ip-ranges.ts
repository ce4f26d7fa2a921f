/**
 * Whether an IP address belongs to the public internet. Used for every server-side request to a
 * tenant-supplied URL (outgoing webhooks): loopback, private, shared (CGNAT), link-local (cloud
 * metadata at 169.254.169.254), benchmark, documentation, multicast and reserved ranges are not,
 * and neither are IPv6 forms that embed such an IPv4 address (mapped, NAT64). No Node imports:
 * the dashboard bundle uses it to validate URLs as they are typed.
 */

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function v4Octets(ip: string): number[] | undefined {
  const m = V4.exec(ip);
  if (!m) return undefined;
  const o = m.slice(1).map(Number);
  return o.every((n) => n <= 255) ? o : undefined;
}

function isPublicV4([a = 0, b = 0, c = 0]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this network, private, loopback, multicast + reserved
  if (a === 100 && b >= 64 && b <= 127) return false; // shared address space (CGNAT)
  if (a === 169 && b === 254) return false; // link-local, cloud metadata
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false; // IETF protocol assignments, TEST-NET-1
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  if (a === 198 && b === 51 && c === 100) return false; // TEST-NET-2
  if (a === 203 && b === 0 && c === 113) return false; // TEST-NET-3
  return true;
}

/** Expands an IPv6 address (no brackets, no zone) to eight 16-bit groups; undefined if malformed. */
function v6Groups(ip: string): number[] | undefined {
  let s = ip.toLowerCase();
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(":");
  const dotted = v4Octets(s.slice(lastColon + 1));
  if (dotted) {
    tail = [(dotted[0]! << 8) | dotted[1]!, (dotted[2]! << 8) | dotted[3]!];
    s = s.slice(0, lastColon + 1) + "0";
  } else if (s.includes(".")) return undefined;
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((h) => (/^[0-9a-f]{1,4}$/.test(h) ? parseInt(h, 16) : NaN)));
  const head = parse(halves[0]!);
  let groups: number[];
  if (halves.length === 2) {
    const rest = parse(halves[1]!);
    const missing = 8 - head.length - rest.length - (dotted ? 1 : 0);
    if (missing < 0) return undefined;
    groups = [...head, ...Array<number>(missing).fill(0), ...rest];
  } else groups = head;
  if (dotted) groups = [...groups.slice(0, -1), ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

function isPublicV6(g: number[]): boolean {
  const embedded = [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff];
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), and :: / ::1 themselves.
    return g[5] === 0xffff ? isPublicV4(embedded) : false;
  }
  if (g[0] === 0x64 && g[1] === 0xff9b) return isPublicV4(embedded); // NAT64
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return false; // documentation
  return true;
}

/** True for an address on the public internet; false for anything else, including malformed input. */
export function isPublicIp(ip: string): boolean {
  const bare = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  const v4 = v4Octets(bare);
  if (v4) return isPublicV4(v4);
  const v6 = v6Groups(bare.split("%")[0]!);
  return v6 ? isPublicV6(v6) : false;
}

/** A literal IPv4 or IPv6 address (as in a URL host, brackets allowed). */
export function isIpLiteral(host: string): boolean {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  return !!v4Octets(bare) || !!v6Groups(bare.split("%")[0]!);
}
