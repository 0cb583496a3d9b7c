import { LuaScript } from '@mas/core';

/**
 * Sliding-window counters for one agent in one hash (fields per window: index `mi`/`hi` of the
 * current fixed window, its count `mc`/`hc` and the previous window's count `mp`/`hp`). The estimate
 * is previous × (unelapsed share of the current window) + current — the sliding-window-counter
 * algorithm: O(1) memory whatever the rate, atomic, on Redis's clock.
 * KEYS: counters hash. ARGV: per-minute limit, per-hour limit.
 * Returns { allowed 1|0, refusing window ('' | 'minute' | 'hour'), minute estimate, hour estimate }
 * (estimates × 1000, integers).
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
local refused = ''
if me + 1 > tonumber(ARGV[1]) then refused = 'minute' elseif he + 1 > tonumber(ARGV[2]) then refused = 'hour' end
if refused == '' then
  mc = mc + 1
  hc = hc + 1
  me = me + 1
  he = he + 1
end
redis.call('HSET', KEYS[1], 'mi', mi, 'mc', mc, 'mp', mp, 'hi', hi, 'hc', hc, 'hp', hp)
redis.call('PEXPIRE', KEYS[1], 7200000)
return { refused == '' and 1 or 0, refused, math.floor(me * 1000), math.floor(he * 1000) }
`);
