import type { Logger } from "pino";
import type { Clock } from "./clock";
import type { WebhookEmitter } from "./emitter";
import type { FaultInjector } from "./faults";
import type { IdFactory } from "./ids";
import type { RuntimeConfig, SimulatorOptions } from "./options";
import type { RateLimiter } from "./rate-limit";
import type { Rng } from "./rng";
import type { SendRecord } from "./send-record";
import type { TokenStore } from "./tokens";
import type { World } from "./world";

/** Everything a handler needs, built once per simulator (see server.ts). */
export type SimContext = {
  options: SimulatorOptions;
  /** The part of the options admin calls may change at run time. */
  config: RuntimeConfig;
  clock: Clock;
  rng: Rng;
  ids: IdFactory;
  log: Logger;
  world: World;
  tokens: TokenStore;
  limiter: RateLimiter;
  faults: FaultInjector;
  sends: SendRecord;
  emitter: WebhookEmitter;
};
