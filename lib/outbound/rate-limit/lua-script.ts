import { createHash } from "node:crypto";
import type { Cluster, Redis } from "ioredis";

export type ScriptClient = Redis | Cluster;

/**
 * A Lua script sent as EVALSHA (40 bytes on the wire instead of the whole body), falling back to
 * EVAL when the server answers NOSCRIPT — after a restart, a failover to a replica that never
 * saw it, or `SCRIPT FLUSH`. EVAL caches the script again, so only the first call after a flush
 * pays for the body. Our own wrapper rather than ioredis `defineCommand` so any connection can
 * be passed in (no per-connection registration) and the fallback is visible and tested.
 */
export class LuaScript {
  readonly sha: string;

  constructor(
    readonly name: string,
    readonly source: string,
  ) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  async run(client: ScriptClient, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!isNoScript(err)) throw err;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

function isNoScript(err: unknown): boolean {
  return err instanceof Error && err.message.includes("NOSCRIPT");
}
