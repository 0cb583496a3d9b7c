import { LuaScript } from '../redis/lua-script';
import { CAPABILITY_INDEX_LUA, KEY_NAME_LUA } from './capability-index.lua';

/**
 * KEYS: agent hash, heartbeat key, all-agents set, replicas zset.
 * ARGV: id, capabilities JSON, metadata JSON, token, registered_at, heartbeat value, ttl ms,
 *       replace (1|0), capability key template, delivery (direct|reliable), replica id ('' if none), now ms.
 * Returns {1, token} when registered, {2, token} when joining a live reliable agent as a replica
 * (the registration and its token are shared), {0, ''} when a live agent holds the id.
 */
export const REGISTER_SCRIPT = new LuaScript(`${CAPABILITY_INDEX_LUA}
if ARGV[8] ~= '1' and redis.call('EXISTS', KEYS[2]) == 1 then
  if ARGV[10] == 'reliable' and ARGV[11] ~= '' and redis.call('HGET', KEYS[1], 'delivery') == 'reliable' then
    redis.call('ZADD', KEYS[4], ARGV[12], ARGV[11])
    redis.call('SET', KEYS[2], ARGV[6], 'PX', ARGV[7])
    return { 2, redis.call('HGET', KEYS[1], 'token') }
  end
  return { 0, '' }
end
local old = redis.call('HGET', KEYS[1], 'capabilities')
unindex(old, ARGV[9], ARGV[1])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'capabilities', ARGV[2], 'metadata', ARGV[3],
  'status', 'ACTIVE', 'token', ARGV[4], 'registered_at', ARGV[5], 'delivery', ARGV[10])
redis.call('SET', KEYS[2], ARGV[6], 'PX', ARGV[7])
redis.call('SADD', KEYS[3], ARGV[1])
for _, c in ipairs(cjson.decode(ARGV[2])) do redis.call('SADD', named(ARGV[9], c), ARGV[1]) end
redis.call('DEL', KEYS[4])
if ARGV[11] ~= '' then redis.call('ZADD', KEYS[4], ARGV[12], ARGV[11]) end
return { 1, ARGV[4] }
`);

/**
 * KEYS: agent hash, heartbeat key, all-agents set, replicas zset.
 * ARGV: id, token, capability key template, replica id ('' if none), now ms, ttl ms.
 * Removes the registration only when it is still ours (same token) and no other replica of a
 * reliable agent is alive: an agent replaced by another process does not delete its successor.
 * Returns the removed capabilities (JSON) when removed, for the DEREGISTER event; 0 otherwise.
 */
export const DEREGISTER_SCRIPT = new LuaScript(`${CAPABILITY_INDEX_LUA}
local token = redis.call('HGET', KEYS[1], 'token')
if token and token ~= ARGV[2] then return 0 end
if replicas_left(KEYS[4], ARGV[4], ARGV[5], ARGV[6]) > 0 then return 0 end
local caps = redis.call('HGET', KEYS[1], 'capabilities')
unindex(caps, ARGV[3], ARGV[1])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[4])
redis.call('SREM', KEYS[3], ARGV[1])
return caps or '[]'
`);

/**
 * KEYS: agent hash, heartbeat key, replicas zset.
 * ARGV: token, heartbeat value, ttl ms, replica id, now ms, stats field name, stats JSON ('' = none).
 * Returns 1 when refreshed, 0 when the registration is gone (Redis restarted or flushed) so the
 * agent must register again, -1 when another agent took the id over (different token).
 * The traffic counters go into the hash (`stats`, or `stats:{replica}`), for dashboards to rate.
 */
export const HEARTBEAT_SCRIPT = new LuaScript(`
local token = redis.call('HGET', KEYS[1], 'token')
if not token then return 0 end
if token ~= ARGV[1] then return -1 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
if ARGV[4] ~= '' then redis.call('ZADD', KEYS[3], ARGV[5], ARGV[4]) end
if ARGV[7] ~= '' then redis.call('HSET', KEYS[1], ARGV[6], ARGV[7]) end
return 1
`);

/**
 * KEYS: the sets to read (capability sets, or the all-agents set). ARGV: agent hash template.
 * Returns [id, capabilities, metadata, registered_at, status] of every ACTIVE agent in their union.
 */
export const DISCOVER_SCRIPT = new LuaScript(`${KEY_NAME_LUA}
local ids
if #KEYS == 1 then ids = redis.call('SMEMBERS', KEYS[1]) else ids = redis.call('SUNION', unpack(KEYS)) end
local out = {}
for _, id in ipairs(ids) do
  local h = redis.call('HMGET', named(ARGV[1], id), 'status', 'capabilities', 'metadata', 'registered_at')
  if h[1] == 'ACTIVE' then out[#out + 1] = { id, h[2] or '[]', h[3] or '{}', h[4] or '0', h[1] } end
end
return out
`);
