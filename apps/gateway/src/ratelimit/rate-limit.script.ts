import { LuaScript } from '@mas/core';

/**
 * Sliding-window counters for one agent in one hash (fields per window: index `mi`/`hi` of the
 * current fixed window, its count `mc`/`hc` and the previous window's count `mp`/`hp`). The estimate
 * is previous × (unelapsed share of the current window) + current — the sliding-window-counter
 * algorithm: O(1) memory whatever the rate, atomic, on Redis's clock. Counts `hits` messages at once,
 * in order: each is allowed while the estimate with it stays within both limits, so the first
 * `allowed` of them pass and the rest are refused.
 * KEYS: counters hash. ARGV: per-minute limit, per-hour limit, hits.
 * Returns { allowed count, minute estimate, hour estimate } (estimates before these hits, × 1000, integers).
 */
export const RATE_LIMIT_SCRIPT = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'mi', 'mc', 'mp', 'hi', 'hc', 'hp')
local function window(size, i, c, p)
  local index = math.floor(now / size)
  local current, previous = tonumber(c) or 0, tonumber(p) or 0
  local stored = tonumber(i) or -1
  if stored ~= index then
    if stored == index - 1 then previous = current else previous = 0 end
    current = 0
  end
  local weight = 1 - (now - index * size) / size
  return index, current, previous, previous * weight + current
end
local mi, mc, mp, me = window(60000, state[1], state[2], state[3])
local hi, hc, hp, he = window(3600000, state[4], state[5], state[6])
local hits = tonumber(ARGV[3])
local allowed = math.max(0, math.min(hits, math.floor(tonumber(ARGV[1]) - me), math.floor(tonumber(ARGV[2]) - he)))
redis.call('HSET', KEYS[1], 'mi', mi, 'mc', mc + allowed, 'mp', mp, 'hi', hi, 'hc', hc + allowed, 'hp', hp)
redis.call('PEXPIRE', KEYS[1], 7200000)
return { allowed, math.floor(me * 1000), math.floor(he * 1000) }
`);
