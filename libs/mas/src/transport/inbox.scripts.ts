import { LuaScript } from '../redis/lua-script';

/**
 * Completes a batch of reliably delivered messages, each atomically (the whole batch is one script):
 * its handler's state changes, the "completed" record of its message id, and its XACK. A message
 * already completed (a duplicate delivery, or the same message id earlier in the batch) is only
 * acked, so its state changes never apply twice. Completed ids older than the dedup window go.
 * KEYS: inbox stream, completed zset, state hash.
 * ARGV: group, now ms, dedup window ms, n (messages), changes (1 when any message changed state, else
 *       0), n entry ids, n message ids; with changes also n pairs (fields set, fields deleted), then
 *       each message's field/value pairs and deleted fields, in order.
 * Returns one 1 (committed) or 0 (duplicate) per message.
 */
export const COMMIT_BATCH_SCRIPT = new LuaScript(`
local n = tonumber(ARGV[4])
local changes = ARGV[5] == '1'
local done = redis.call('ZMSCORE', KEYS[2], unpack(ARGV, 6 + n, 5 + 2 * n))
local results, added, seen = {}, {}, {}
local at = 6 + 4 * n
for i = 1, n do
  local id = ARGV[5 + n + i]
  if done[i] or seen[id] then
    results[i] = 0
  else
    seen[id] = true
    results[i] = 1
    added[#added + 1] = ARGV[2]
    added[#added + 1] = id
  end
  if changes then
    local set = tonumber(ARGV[4 + 2 * n + 2 * i])
    local removed = tonumber(ARGV[5 + 2 * n + 2 * i])
    if results[i] == 1 then
      if set > 0 then redis.call('HSET', KEYS[3], unpack(ARGV, at, at + 2 * set - 1)) end
      if removed > 0 then redis.call('HDEL', KEYS[3], unpack(ARGV, at + 2 * set, at + 2 * set + removed - 1)) end
    end
    at = at + 2 * set + removed
  end
end
if #added > 0 then
  redis.call('ZADD', KEYS[2], unpack(added))
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[2]) - tonumber(ARGV[3]))
end
redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 6, 5 + n))
return results
`);

/**
 * Moves one inbox entry to the dead-letter stream and acks it, in one step.
 * KEYS: inbox stream, dead-letter stream.
 * ARGV: group, entry id, dlq max length, then the entry's field/value pairs (`deadLetterFields`).
 */
export const DEAD_LETTER_SCRIPT = new LuaScript(`
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return 1
`);

/**
 * Appends one envelope to an agent's inbox within the capacity the receiver declared (its limits
 * hash; `ARGV[4]` when it never declared one). An inbox half full (an eighth for large ones, from
 * 1,024 entries) first drops what the consumer group has acknowledged (entries below its oldest
 * pending one, or up to the last one it read), so its length stays close to what is
 * unacknowledged (and well below the half a sender may append to unchecked: {@link
 * TargetLimits.mayAppendUnchecked}); only unacknowledged entries count. Still full: refused — or, when the receiver chose `dead-letter`, the
 * caller is told to make room with {@link INBOX_MAKE_ROOM_SCRIPT} and try again.
 * KEYS: inbox stream, limits hash. ARGV: envelope field, envelope, group, default capacity, default overflow.
 * Returns {1, length after the append} when appended, {0, length, capacity} when full,
 * {2, length, capacity} when full and the receiver wants its oldest unread entries dead-lettered.
 */
export const INBOX_APPEND_SCRIPT = new LuaScript(`
local capacity = tonumber(redis.call('HGET', KEYS[2], 'inbox_capacity') or ARGV[4])
local length = redis.call('XLEN', KEYS[1])
if length >= math.min(capacity / 2, math.max(1024, capacity / 8)) then
  local ok, groups = pcall(redis.call, 'XINFO', 'GROUPS', KEYS[1])
  if ok then
    for _, g in ipairs(groups) do
      local info = {}
      for i = 1, #g, 2 do info[g[i]] = g[i + 1] end
      if info['name'] == ARGV[3] then
        local floor = info['last-delivered-id']
        if tonumber(info['pending']) > 0 then floor = redis.call('XPENDING', KEYS[1], ARGV[3])[2] end
        redis.call('XTRIM', KEYS[1], 'MINID', floor)
      end
    end
  end
  length = redis.call('XLEN', KEYS[1])
  if length >= capacity then
    if (redis.call('HGET', KEYS[2], 'inbox_overflow') or ARGV[5]) == 'dead-letter' then return { 2, length, capacity } end
    return { 0, length, capacity }
  end
end
redis.call('XADD', KEYS[1], '*', ARGV[1], ARGV[2])
return { 1, length + 1 }
`);

/**
 * Lua shared by the make-room scripts (KEYS[1] inbox, KEYS[2] limits; ARGV[2] group, ARGV[3] default
 * capacity): returns `whenRoom` while the inbox is below capacity, else leaves `length`, `capacity` and
 * `start` (just after the group's last-delivered id: the oldest unread entry) for the rest.
 */
function overCapacity(whenRoom: string): string {
  return `local capacity = tonumber(redis.call('HGET', KEYS[2], 'inbox_capacity') or ARGV[3])
local length = redis.call('XLEN', KEYS[1])
if length < capacity then return ${whenRoom} end
local start = '-'
local ok, groups = pcall(redis.call, 'XINFO', 'GROUPS', KEYS[1])
if ok then
  for _, g in ipairs(groups) do
    local info = {}
    for i = 1, #g, 2 do info[g[i]] = g[i + 1] end
    if info['name'] == ARGV[2] then start = '(' .. info['last-delivered-id'] end
  end
end
`;
}

/**
 * Makes room in a full inbox whose receiver chose `dead-letter`: moves its oldest unread entries (after
 * the group's last-delivered id) to the dead-letter stream until it is one below capacity.
 * KEYS: inbox stream, limits hash, dead-letter stream.
 * ARGV: envelope field, group, default capacity, dlq max length, entry-id field, then the dead
 * letter's field/value pairs (envelope and entry id filled in here). Returns the number moved.
 */
export const INBOX_MAKE_ROOM_SCRIPT = new LuaScript(`
${overCapacity('0')}local moved = 0
for _, entry in ipairs(redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', length - capacity + 1)) do
  local envelope = ''
  for i = 1, #entry[2], 2 do if entry[2][i] == ARGV[1] then envelope = entry[2][i + 1] end end
  local letter = {}
  for i = 6, #ARGV, 2 do
    local value = ARGV[i + 1]
    if ARGV[i] == ARGV[1] then value = envelope elseif ARGV[i] == ARGV[5] then value = entry[1] end
    letter[#letter + 1] = ARGV[i]
    letter[#letter + 1] = value
  end
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', unpack(letter))
  redis.call('XDEL', KEYS[1], entry[1])
  moved = moved + 1
end
return moved
`);

/**
 * The first half of {@link INBOX_MAKE_ROOM_SCRIPT} for a cluster, where the dead-letter stream is in
 * another slot: names the oldest unread entries (after the group's last-delivered id) that must go
 * for the inbox to be one below capacity, without moving them. The caller appends them to the
 * dead-letter stream, then deletes them from the inbox (a failure in between leaves a duplicate
 * dead letter at worst, never a loss).
 * KEYS: inbox stream, limits hash. ARGV: envelope field, group, default capacity.
 * Returns {entry id, envelope} pairs, oldest first.
 */
export const INBOX_ROOM_CANDIDATES_SCRIPT = new LuaScript(`
${overCapacity('{}')}local out = {}
for _, entry in ipairs(redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', length - capacity + 1)) do
  local envelope = ''
  for i = 1, #entry[2], 2 do if entry[2][i] == ARGV[1] then envelope = entry[2][i + 1] end end
  out[#out + 1] = { entry[1], envelope }
end
return out
`);
