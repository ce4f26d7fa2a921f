import { createHash } from "node:crypto";
import type { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "ioredis";

/**
 * @upstash/ratelimit speaks to Redis through @upstash/redis's REST client; this adapter lets
 * it use our ioredis connection instead (one Redis, one protocol). Upstash declined official
 * ioredis support (ratelimit-js#115), so the contract is pinned by
 * tests/integration/ratelimit/upstash-ioredis.test.ts against a real Redis.
 *
 * Since 2.1 every script starts with `#!lua flags=allow-key-locking`, an Upstash-only flag
 * Redis 7.0 rejects ("Unexpected flag in script shebang"). We strip that line before EVAL and
 * SCRIPT LOAD. The library calls EVALSHA with the hash of the script as shipped, which Redis
 * never holds, so we translate it to the stripped script's hash; a hash we have not seen yet,
 * or one Redis forgot (restart, failover, SCRIPT FLUSH), answers NOSCRIPT, and the library
 * then sends the whole script through `eval`, which loads it again.
 */
export type UpstashRedis = ConstructorParameters<typeof Ratelimit>[0]["redis"];

const SHEBANG = /^#![^\n]*\n/;

export function stripShebang(script: string): string {
  return script.replace(SHEBANG, "");
}

function sha1(s: string): string {
  return createHash("sha1").update(s, "utf8").digest("hex");
}

type Arg = string | number | null | undefined;
const toArgs = (args: readonly Arg[] = []) => args.map((a) => String(a));

export function upstashRedisFromIORedis(client: Redis): UpstashRedis {
  const strippedHashOf = new Map<string, string>();
  const remember = (script: string): string => {
    const stripped = stripShebang(script);
    strippedHashOf.set(sha1(script), sha1(stripped));
    return stripped;
  };

  const adapter = {
    eval: (script: string, keys: string[] = [], args: Arg[] = []) =>
      client.eval(remember(script), keys.length, ...keys, ...toArgs(args)),
    evalsha: (hash: string, keys: string[] = [], args: Arg[] = []) =>
      client.evalsha(strippedHashOf.get(hash) ?? hash, keys.length, ...keys, ...toArgs(args)),
    /** Resolves to the hash of the script as given, the one the caller will pass to `evalsha`. */
    scriptLoad: async (script: string) => {
      await client.script("LOAD", remember(script));
      return sha1(script);
    },
    get: (key: string) => client.get(key),
    set: (key: string, value: string | number) => client.set(key, String(value)),
    del: (...keys: string[]) => client.del(...keys),
    sadd: (key: string, ...members: (string | number)[]) => client.sadd(key, ...members.map(String)),
    hset: (key: string, fields: Record<string, string | number>) =>
      client.hset(key, Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]))),
    smismember: (key: string, members: (string | number)[]) => client.smismember(key, ...members.map(String)),
    // analytics and enableProtection need transactions; both stay off (ratelimit-js's own advice for self-hosted Redis).
    multi: () => {
      throw new Error("upstash-ioredis: multi() is not supported; keep analytics and enableProtection off");
    },
  };
  // The library types its client as the whole @upstash/redis class; it only calls the methods above.
  return adapter as unknown as UpstashRedis;
}
