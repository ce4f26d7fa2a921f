import { hostname } from "node:os";
import { env } from "@/lib/env";

/**
 * How long a claim may legitimately stay `sending`: the Graph timeout plus a margin for the
 * bookkeeping around it. A row claimed longer ago than this belongs to a worker that died
 * mid-send (SIGKILL, OOM): its outcome is unknown and is reconciled, never blindly resent.
 */
export function sendLeaseMs(): number {
  return env().GRAPH_TIMEOUT_MS + 10_000;
}

/** Who claims a row (OutboundMessage.claimedBy): host and process. */
export const WORKER_ID = `${hostname().slice(0, 40)}:${process.pid}`;
