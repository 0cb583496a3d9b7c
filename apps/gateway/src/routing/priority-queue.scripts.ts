import { LuaScript } from '@mas/core';

/**
 * Up to `rounds` weighted-round-robin rounds for one target, in order. Each queue is a sorted set
 * scored by the time its message becomes visible; a round takes up to `weight` visible messages per
 * level, highest first, and leases them (hides them for `lease ms`) instead of removing them: the
 * caller removes each once delivered or dead-lettered, and a message whose instance died becomes
 * visible again. A level that ran dry is not asked again; the rounds stop when all are. What a
 * level gives over all the rounds is read at once (up to `weight × rounds` visible messages, one
 * ZRANGEBYSCORE) and leased at once (one ZADD per 1,000), then dealt out round by round: the same order as
 * reading it round by round.
 * Queue members are references; each message is read from the target's bodies hash (a member
 * with no body there is returned with `false`: a caller reads a member queued whole by an earlier
 * version as its own body).
 * Reads the target's registry status. Touches the keys of one target only (one hash slot in the
 * cluster key style): forgetting a drained target in the targets set is the caller's step.
 * KEYS: the five queues CRITICAL..BULK, the target's registry hash, the target's bodies hash.
 * ARGV: the five weights, lease ms, rounds.
 * Returns { status or '', messages left besides these, member, body or false, member, body or false... }.
 */
export const TAKE_ROUND_SCRIPT = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local hidden = now + tonumber(ARGV[6])
local rounds = tonumber(ARGV[7])
local out = { redis.call('HGET', KEYS[6], 'status') or '', 0 }
local levels = {}
for i = 1, 5 do
  local items = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', now, 'LIMIT', 0, tonumber(ARGV[i]) * rounds)
  levels[i] = items
  for from = 1, #items, 1000 do -- (unpack's stack is bounded)
    local leased = {}
    for j = from, math.min(#items, from + 999) do
      leased[#leased + 1] = hidden
      leased[#leased + 1] = items[j]
    end
    redis.call('ZADD', KEYS[i], unpack(leased))
  end
end
local taken = {}
for round = 0, rounds - 1 do
  local took = 0
  for i = 1, 5 do
    local weight = tonumber(ARGV[i])
    local items = levels[i]
    for j = round * weight + 1, math.min(#items, (round + 1) * weight) do
      taken[#taken + 1] = items[j]
      took = took + 1
    end
  end
  if took == 0 then break end
end
for from = 1, #taken, 1000 do
  local refs = {}
  for j = from, math.min(#taken, from + 999) do refs[#refs + 1] = taken[j] end
  local bodies = redis.call('HMGET', KEYS[7], unpack(refs))
  for j = 1, #refs do
    out[#out + 1] = refs[j]
    out[#out + 1] = bodies[j]
  end
end
local left = 0
for i = 1, 5 do
  left = left + redis.call('ZCARD', KEYS[i])
end
out[2] = left - #taken
return out
`);
