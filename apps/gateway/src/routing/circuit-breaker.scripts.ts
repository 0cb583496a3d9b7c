import { LuaScript } from '@mas/core';

/** States of a target's circuit breaker (hash `circuit:{target}`, field `state`). */
export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** Redis's clock in ms, so that every gateway instance agrees on time. */
const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * Asks the breaker for a delivery: OPEN turns HALF_OPEN once `open timeout` passed.
 * KEYS: circuit hash. ARGV: open timeout ms. Returns the state the delivery runs under.
 */
export const CIRCUIT_ACQUIRE_SCRIPT = new LuaScript(`${NOW_MS}
local state = redis.call('HGET', KEYS[1], 'state') or 'CLOSED'
if state == 'OPEN' then
  local opened = tonumber(redis.call('HGET', KEYS[1], 'opened_at') or '0')
  if now - opened >= tonumber(ARGV[1]) then
    redis.call('HSET', KEYS[1], 'state', 'HALF_OPEN', 'successes', 0)
    return 'HALF_OPEN'
  end
end
return state
`);

/**
 * Records a delivery's outcome. CLOSED → OPEN after `failure threshold` failures within the window
 * (a fixed window from its first failure); HALF_OPEN → CLOSED after `success threshold` successes,
 * → OPEN again on a failure.
 * KEYS: circuit hash. ARGV: 1 success / 0 failure, failure threshold, success threshold, window ms.
 * Returns the new state.
 */
export const CIRCUIT_RECORD_SCRIPT = new LuaScript(`${NOW_MS}
local state = redis.call('HGET', KEYS[1], 'state') or 'CLOSED'
if ARGV[1] == '1' then
  if state == 'HALF_OPEN' then
    if redis.call('HINCRBY', KEYS[1], 'successes', 1) >= tonumber(ARGV[3]) then
      redis.call('HSET', KEYS[1], 'state', 'CLOSED', 'failures', 0, 'successes', 0, 'window_start', now)
      return 'CLOSED'
    end
  end
  return state
end
if state == 'HALF_OPEN' then
  redis.call('HSET', KEYS[1], 'state', 'OPEN', 'opened_at', now, 'successes', 0)
  return 'OPEN'
end
if state == 'OPEN' then return 'OPEN' end
local failures
if now - tonumber(redis.call('HGET', KEYS[1], 'window_start') or '0') > tonumber(ARGV[4]) then
  redis.call('HSET', KEYS[1], 'window_start', now, 'failures', 1)
  failures = 1
else
  failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
end
if failures >= tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], 'state', 'OPEN', 'opened_at', now, 'failures', 0)
  return 'OPEN'
end
return 'CLOSED'
`);
