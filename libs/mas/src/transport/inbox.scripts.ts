import { LuaScript } from '../redis/lua-script';

/**
 * Completes one reliably delivered message atomically: the handler's state changes, the
 * "completed" record of its message id, and the XACK. A message already completed (a duplicate
 * delivery) is only acked, so its state changes never apply twice.
 * KEYS: inbox stream, completed zset, state hash.
 * ARGV: group, entry id, message id, now ms, dedup window ms, n (fields set), n field/value pairs,
 *       then fields to delete. Returns 1 when committed, 0 for a duplicate.
 */
export const COMMIT_SCRIPT = new LuaScript(`
if redis.call('ZSCORE', KEYS[2], ARGV[3]) then
  redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
  return 0
end
local n = tonumber(ARGV[6])
if n > 0 then
  local pairs = {}
  for i = 7, 6 + 2 * n do pairs[#pairs + 1] = ARGV[i] end
  redis.call('HSET', KEYS[3], unpack(pairs))
end
for i = 7 + 2 * n, #ARGV do redis.call('HDEL', KEYS[3], ARGV[i]) end
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[4]) - tonumber(ARGV[5]))
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return 1
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
