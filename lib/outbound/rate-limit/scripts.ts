import { LuaScript } from "./lua-script";

/**
 * The limiter's Lua. Each script is one round trip and runs atomically, so any number of
 * workers in any number of processes see one consistent log per account and class.
 *
 * Time comes from Redis `TIME`, never from the caller, so replicas with skewed clocks agree.
 * Redis 7 replicates scripts by their effects (the only mode since 7.0, the default since 5),
 * so calling TIME before writing is allowed and replicas receive the resulting ZADDs, not a
 * re-run that would read another clock. Tests may pass `now` explicitly for exact replays.
 *
 * Every key is declared in KEYS and shares the deployment prefix's hash tag (lib/redis key()),
 * so the scripts also run unchanged on Redis Cluster. The arithmetic mirrors window-math.ts.
 */

/** Linear back-off from 80 % usage (see scaleLimit in window-math.ts). */
const SCALE = `
local function scaled(limit, pct)
  pct = math.ceil(pct)
  if pct < 80 then return limit end
  if pct > 100 then pct = 100 end
  local l = math.floor(limit * (2000 - 75 * (pct - 80)) / 2000)
  if l < 1 then return 1 end
  return l
end
local function effective(limit, usageKey, adaptive)
  if adaptive ~= '1' then return limit end
  return scaled(limit, tonumber(redis.call('HGET', usageKey, 'pct') or 0) or 0)
end
`;

/**
 * KEYS: call log (ZSET, score = µs), cooldown (string reason, PX), usage (HASH pct)
 * ARGV: base limit, padded window µs, member, now µs or "", adaptive "1"/"0"
 * → {1, 0, 0, nowUs, limit} granted | {0, retryMs, 1, 0, 0} cooldown | {0, retryMs, 2, nowUs, limit} full
 */
export const ACQUIRE = new LuaScript(
  "rate-limit:acquire",
  `${SCALE}
local cooldown = redis.call('PTTL', KEYS[2])
if cooldown > 0 then return {0, cooldown, 1, 0, 0} end
local now = tonumber(ARGV[4])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local keep = tonumber(ARGV[1])
local limit = effective(keep, KEYS[3], ARGV[5])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count > keep then
  -- The account's limit was lowered: only the newest \`keep\` can ever decide again.
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, count - keep - 1)
  count = keep
end
if count >= limit then
  local freeing = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
  return {0, math.ceil((tonumber(freeing[2]) + window - now) / 1000), 2, now, limit}
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
return {1, 0, 0, now, limit}
`,
);

/**
 * KEYS: reservations (ZSET, score = ms), cooldown, usage
 * ARGV: base limit (kept newest), padded window ms, n, member prefix, now ms or "", adaptive
 * → {nowMs, t1, …, tn}
 */
export const RESERVE = new LuaScript(
  "rate-limit:reserve",
  `${SCALE}
local now = tonumber(ARGV[5])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local keep = tonumber(ARGV[1])
local limit = effective(keep, KEYS[3], ARGV[6])
local window = tonumber(ARGV[2])
local floor = now
local cooldown = redis.call('PTTL', KEYS[2])
if cooldown > 0 then floor = now + cooldown end
local count = redis.call('ZCARD', KEYS[1])
local newest = nil
if count > 0 then newest = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]) end
local out = {now}
for i = 1, tonumber(ARGV[3]) do
  local t = floor
  if newest and newest > t then t = newest end
  if count >= limit then
    local r = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
    local s = tonumber(r[2]) + window
    if s > t then t = s end
  end
  redis.call('ZADD', KEYS[1], t, ARGV[4] .. i)
  count = count + 1
  if count > keep then
    redis.call('ZREMRANGEBYRANK', KEYS[1], 0, count - keep - 1)
    count = keep
  end
  newest = t
  out[i + 1] = t
end
redis.call('PEXPIRE', KEYS[1], newest - now + window)
return out
`,
);

/** KEYS: cooldown. ARGV: ms, reason. Only ever lengthens. → {remainingMs, reason} */
export const COOLDOWN = new LuaScript(
  "rate-limit:cooldown",
  `
local current = redis.call('PTTL', KEYS[1])
local ms = tonumber(ARGV[1])
if current == -1 or current >= ms then return {current, redis.call('GET', KEYS[1])} end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ms)
return {ms, ARGV[2]}
`,
);

/** KEYS: cooldown. → {pttl, reason|nil}; one script so the reason and the TTL belong together. */
export const COOLDOWN_STATE = new LuaScript(
  "rate-limit:cooldown-state",
  `return {redis.call('PTTL', KEYS[1]), redis.call('GET', KEYS[1])}`,
);

/**
 * KEYS: usage, cooldown. ARGV: pct or "", ttl ms, regain ms, reason.
 * Stores the latest usage (a lower figure is how the limit recovers) and, when Meta names a
 * regain time, extends the cooldown to it. → cooldown pttl after the call
 */
export const RECORD_USAGE = new LuaScript(
  "rate-limit:record-usage",
  `
if ARGV[1] ~= '' then
  redis.call('HSET', KEYS[1], 'pct', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
local regain = tonumber(ARGV[3])
local current = redis.call('PTTL', KEYS[2])
if regain > 0 and current ~= -1 and current < regain then
  redis.call('SET', KEYS[2], ARGV[4], 'PX', regain)
  current = regain
end
return current
`,
);
