import { LuaScript } from '../redis/lua-script';
import { CAPABILITY_INDEX_LUA } from '../registry/capability-index.lua';

/**
 * Written by a trusted service for a provisioned agent (its own user may not write its record).
 * KEYS: agent hash, heartbeat key, all-agents set, replicas zset.
 * ARGV: id, capabilities JSON, metadata JSON, registered_at, heartbeat value, ttl ms,
 *       capability key template, replica id ('' if none), now ms.
 * The record carries the wire fields only — no token: in zero-trust mode the signature authenticates.
 * Returns 1 when registered (REGISTER to publish), 2 when a live process of the id holds the
 * registration and this one joins it as a replica.
 */
export const PROVISIONED_REGISTER_SCRIPT = new LuaScript(`${CAPABILITY_INDEX_LUA}
if redis.call('EXISTS', KEYS[2]) == 1 and redis.call('HGET', KEYS[1], 'status') == 'ACTIVE' then
  if ARGV[8] ~= '' then redis.call('ZADD', KEYS[4], ARGV[9], ARGV[8]) end
  redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6])
  return 2
end
unindex(redis.call('HGET', KEYS[1], 'capabilities'), ARGV[7], ARGV[1])
redis.call('DEL', KEYS[1], KEYS[4])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'capabilities', ARGV[2], 'metadata', ARGV[3],
  'status', 'ACTIVE', 'registered_at', ARGV[4], 'delivery', 'reliable')
redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6])
redis.call('SADD', KEYS[3], ARGV[1])
for _, c in ipairs(cjson.decode(ARGV[2])) do redis.call('SADD', named(ARGV[7], c), ARGV[1]) end
if ARGV[8] ~= '' then redis.call('ZADD', KEYS[4], ARGV[9], ARGV[8]) end
return 1
`);

/**
 * KEYS: agent hash, heartbeat key, all-agents set, replicas zset.
 * ARGV: id, capability key template, replica id ('' = every replica), now ms, ttl ms.
 * Removes the replica; when none is left alive, removes the registration and returns its
 * capabilities (JSON) for the DEREGISTER event. Returns 0 otherwise.
 */
export const PROVISIONED_DEREGISTER_SCRIPT = new LuaScript(`${CAPABILITY_INDEX_LUA}
if replicas_left(KEYS[4], ARGV[3], ARGV[4], ARGV[5]) > 0 then return 0 end
local caps = redis.call('HGET', KEYS[1], 'capabilities')
if not caps then return 0 end
unindex(caps, ARGV[2], ARGV[1])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[4])
redis.call('SREM', KEYS[3], ARGV[1])
return caps
`);
