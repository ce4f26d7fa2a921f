/**
 * Per-Instagram-account rate limiting for outbound calls (SPEC §5): Meta's per-account limits
 * are never exceeded in any sliding window, by any number of workers. See README.md here.
 */
export { ADAPTIVE_CLASSES, DEFAULT_LIMITS, RATE_CLASSES, WINDOW_MARGIN_MS, limitsFor, paddedWindowMs } from "./classes";
export type { AccountLimitColumns, AccountLimits, LimitSpec, RateClass } from "./classes";
export { acquire, type AcquireInput, type AcquireResult } from "./acquire";
export { release } from "./release";
export { MAX_RESERVATIONS_PER_CALL, reserveSlot, reserveSlots, type ReserveInput, type SlotReservation } from "./reserve-slot";
export { cooldown, cooldownState, type CooldownState } from "./cooldown";
export { USAGE_TTL_MS, effectiveLimit, recordUsage, type UsageReport, type UsageState } from "./adaptive";
export { scaleLimit, usagePercent } from "./window-math";
export { LuaScript, type ScriptClient } from "./lua-script";
