import { dmBurst } from "./dm-burst";
import { giveawayReel } from "./giveaway-reel";
import type { ScenarioDefinition } from "./runner";
import { steadyTraffic } from "./steady-traffic";

export { ScenarioManager, MAX_ACTIONS, MAX_DURATION_MS, type ScenarioDefinition, type ScenarioRun, type ScenarioRunView, type ScenarioScript, type Stream } from "./runner";
export { TEXT_SCRIPTS } from "./text-pool";

export const BUILTIN_SCENARIOS = [giveawayReel, dmBurst, steadyTraffic] as unknown as readonly ScenarioDefinition<never>[];
