import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for Instagram access tokens at rest, with key ids so keys can be rotated:
 * `TOKEN_ENCRYPTION_KEYS=k2:<base64 32 bytes>,k1:<…>` — the first key encrypts, every key
 * decrypts. Ciphertext: `v1.<keyId>.<b64url iv>.<b64url tag>.<b64url data>`. The version and
 * key id are bound as associated data, so relabelling a ciphertext is detected like any tamper.
 */

export type Keyring = {
  current: { id: string; key: Buffer };
  keys: ReadonlyMap<string, Buffer>;
};

export type TokenCipherErrorCode = "bad_keyring" | "malformed" | "unsupported_version" | "unknown_key" | "tampered";

export class TokenCipherError extends Error {
  override name = "TokenCipherError";
  constructor(
    readonly code: TokenCipherErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const VERSION = "v1";
const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const B64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Parses `id:base64key[,id:base64key…]`; errors name the entry but never echo key material. */
export function parseKeyring(str: string): Keyring {
  if (typeof str !== "string" || str.trim() === "") throw new TokenCipherError("bad_keyring", "Token keyring is empty");
  const keys = new Map<string, Buffer>();
  let current: Keyring["current"] | undefined;
  for (const [i, rawEntry] of str.split(",").entries()) {
    const entry = rawEntry.trim();
    const sep = entry.indexOf(":");
    const id = sep > 0 ? entry.slice(0, sep) : "";
    const encoded = sep > 0 ? entry.slice(sep + 1) : "";
    if (!KEY_ID.test(id)) {
      throw new TokenCipherError("bad_keyring", `Token keyring entry ${i + 1}: expected id:base64key with an id of letters, digits, _ or -`);
    }
    if (keys.has(id)) throw new TokenCipherError("bad_keyring", `Token keyring entry ${i + 1}: key id "${id}" appears twice`);
    // Node's base64 decoder reads both the standard and the URL-safe alphabet.
    const key = B64.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) throw new TokenCipherError("bad_keyring", `Token keyring key "${id}" must be 32 bytes, base64-encoded`);
    keys.set(id, key);
    current ??= { id, key };
  }
  return { current: current!, keys };
}

// Parsing per call costs little, but workers encrypt and decrypt constantly: remember a few.
const parsedCache = new Map<string, Keyring>();
function resolve(keyring: Keyring | string): Keyring {
  if (typeof keyring !== "string") return keyring;
  let parsed = parsedCache.get(keyring);
  if (!parsed) {
    parsed = parseKeyring(keyring);
    if (parsedCache.size >= 8) parsedCache.clear();
    parsedCache.set(keyring, parsed);
  }
  return parsed;
}

const aad = (keyId: string) => Buffer.from(`${VERSION}.${keyId}`, "utf8");

export function encryptToken(keyring: Keyring | string, plaintext: string): string {
  const { current } = resolve(keyring);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(current.id));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, current.id, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(".");
}

type Parsed = { keyId: string; iv: Buffer; tag: Buffer; data: Buffer };

function parseCiphertext(ciphertext: string): Parsed {
  const parts = typeof ciphertext === "string" ? ciphertext.split(".") : [];
  if (parts.length !== 5) throw new TokenCipherError("malformed", "Encrypted token is not in v1.<keyId>.<iv>.<tag>.<data> form");
  const [version, keyId, iv, tag, data] = parts as [string, string, string, string, string];
  if (version !== VERSION) throw new TokenCipherError("unsupported_version", `Encrypted token version "${version.slice(0, 8)}" is not supported`);
  const decoded = { keyId, iv: Buffer.from(iv, "base64url"), tag: Buffer.from(tag, "base64url"), data: Buffer.from(data, "base64url") };
  if (!KEY_ID.test(keyId) || decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) {
    throw new TokenCipherError("malformed", "Encrypted token has a bad key id, iv or tag");
  }
  return decoded;
}

export function decryptToken(keyring: Keyring | string, ciphertext: string): string {
  const { keyId, iv, tag, data } = parseCiphertext(ciphertext);
  const key = resolve(keyring).keys.get(keyId);
  if (!key) throw new TokenCipherError("unknown_key", `Encrypted token uses key "${keyId}", which is not in the keyring`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(keyId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenCipherError("tampered", "Encrypted token failed authentication (tampered or wrong key)");
  }
}

/** True when the ciphertext was made with an older key and should be re-encrypted. */
export function needsRotation(keyring: Keyring | string, ciphertext: string): boolean {
  return parseCiphertext(ciphertext).keyId !== resolve(keyring).current.id;
}

/** Re-encrypts with the current key when needed; returns the input unchanged otherwise. */
export function rotateToken(keyring: Keyring | string, ciphertext: string): string {
  return needsRotation(keyring, ciphertext) ? encryptToken(keyring, decryptToken(keyring, ciphertext)) : ciphertext;
}
