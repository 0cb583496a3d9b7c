import { LuaScript } from '@mas/core';

/**
 * Up to `rounds` weighted-round-robin rounds for one target, in order. Each queue is a sorted set
 * scored by the time its message becomes visible; a round takes up to `weight` visible messages per
 * level, highest first, and leases them (hides them for `lease ms`) instead of removing them: the
 * caller removes each once delivered or dead-lettered, and a message whose instance died becomes
 * visible again. A level that ran dry is not asked again; the rounds stop when all are.
 * Reads the target's registry status. Touches the keys of one target only (one hash slot in the
 * cluster key style): forgetting a drained target in the targets set is the caller's step.
 * KEYS: the five queues CRITICAL..BULK, the target's registry hash.
 * ARGV: the five weights, lease ms, rounds.
 * Returns { status or '', messages left besides these, message... }.
 */
export const TAKE_ROUND_SCRIPT = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = { redis.call('HGET', KEYS[6], 'status') or '', 0 }
local left = 0
local dry = {}
for round = 1, tonumber(ARGV[7]) do
  local took = 0
  for i = 1, 5 do
    if not dry[i] then
      local weight = tonumber(ARGV[i])
      local items = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', now, 'LIMIT', 0, weight)
      for _, item in ipairs(items) do
        redis.call('ZADD', KEYS[i], now + tonumber(ARGV[6]), item)
        out[#out + 1] = item
      end
      took = took + #items
      if #items < weight then dry[i] = true end
    end
  end
  if took == 0 then break end
end
for i = 1, 5 do
  left = left + redis.call('ZCARD', KEYS[i])
end
out[2] = left - (#out - 2)
return out
`);
