import { LuaScript } from '../redis/lua-script';
import { CAPABILITY_INDEX_LUA, KEY_NAME_LUA } from './capability-index.lua';

/**
 * Lua defining `held_token(record, secret)`: the token of a registration, in the `token` field of
 * the record (direct mode, the wire) or in the secret key (gateway mode); false when neither holds one.
 */
const HELD_TOKEN_LUA = `
local function held_token(record, secret)
  return redis.call('HGET', record, 'token') or redis.call('GET', secret)
end
`;

/**
 * KEYS: agent hash, heartbeat key, replicas zset, secret token key[, all-agents set]: the capability
 *       index and the all-agents set are updated here only when the set is given (one server); on a
 *       cluster, where they live in other slots, the caller updates them after the script
 *       ({@link CapabilityIndex}). The secret token key is in the agent's slot (its hash tag).
 * ARGV: id, capabilities JSON, metadata JSON, token, registered_at, heartbeat value, ttl ms,
 *       replace (1|0), capability key template, delivery (direct|reliable), replica id ('' if none), now ms,
 *       token in the secret key (1: gateway mode) or in the record (0: direct mode, the wire).
 * Returns {1, token} when registered, {2, token} when joining a live reliable agent as a replica
 * (the registration and its token are shared), {0, ''} when a live agent holds the id.
 */
export const REGISTER_SCRIPT = new LuaScript(`${CAPABILITY_INDEX_LUA}${HELD_TOKEN_LUA}
if ARGV[8] ~= '1' and redis.call('EXISTS', KEYS[2]) == 1 then
  if ARGV[10] == 'reliable' and ARGV[11] ~= '' and redis.call('HGET', KEYS[1], 'delivery') == 'reliable' then
    redis.call('ZADD', KEYS[3], ARGV[12], ARGV[11])
    redis.call('SET', KEYS[2], ARGV[6], 'PX', ARGV[7])
    return { 2, held_token(KEYS[1], KEYS[4]) }
  end
  return { 0, '' }
end
local old = redis.call('HGET', KEYS[1], 'capabilities')
local indexed = #KEYS == 5
if indexed then unindex(old, ARGV[9], ARGV[1]) end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'capabilities', ARGV[2], 'metadata', ARGV[3],
  'status', 'ACTIVE', 'registered_at', ARGV[5], 'delivery', ARGV[10])
if ARGV[13] == '1' then
  redis.call('HDEL', KEYS[1], 'token')
  redis.call('SET', KEYS[4], ARGV[4])
else
  redis.call('HSET', KEYS[1], 'token', ARGV[4])
  redis.call('DEL', KEYS[4])
end
redis.call('SET', KEYS[2], ARGV[6], 'PX', ARGV[7])
if indexed then
  redis.call('SADD', KEYS[5], ARGV[1])
  for _, c in ipairs(cjson.decode(ARGV[2])) do redis.call('SADD', named(ARGV[9], c), ARGV[1]) end
end
redis.call('DEL', KEYS[3])
if ARGV[11] ~= '' then redis.call('ZADD', KEYS[3], ARGV[12], ARGV[11]) end
return { 1, ARGV[4], old or '' }
`);

/**
 * KEYS: agent hash, heartbeat key, replicas zset, secret token key[, all-agents set]: the capability
 *       index and the all-agents set are updated here only when the set is given (one server); on a
 *       cluster, where they live in other slots, the caller updates them after the script ({@link CapabilityIndex}).
 * ARGV: id, token, capability key template, replica id ('' if none), now ms, ttl ms.
 * Removes the registration only when it is still ours (same token) and no other replica of a
 * reliable agent is alive: an agent replaced by another process does not delete its successor.
 * Returns the removed capabilities (JSON) when removed, for the DEREGISTER event; 0 otherwise.
 */
export const DEREGISTER_SCRIPT = new LuaScript(`${CAPABILITY_INDEX_LUA}${HELD_TOKEN_LUA}
local token = held_token(KEYS[1], KEYS[4])
if token and token ~= ARGV[2] then return 0 end
if replicas_left(KEYS[3], ARGV[4], ARGV[5], ARGV[6]) > 0 then return 0 end
local caps = redis.call('HGET', KEYS[1], 'capabilities')
if #KEYS == 5 then
  unindex(caps, ARGV[3], ARGV[1])
  redis.call('SREM', KEYS[5], ARGV[1])
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return caps or '[]'
`);

/**
 * KEYS: agent hash, heartbeat key, replicas zset, secret token key.
 * ARGV: token, heartbeat value, ttl ms, replica id, now ms, stats field name, stats JSON ('' = none).
 * Returns 1 when refreshed, 0 when the registration is gone (Redis restarted or flushed) so the
 * agent must register again, -1 when another agent took the id over (different token).
 * The traffic counters go into the hash (`stats`, or `stats:{replica}`), for dashboards to rate.
 */
export const HEARTBEAT_SCRIPT = new LuaScript(`${HELD_TOKEN_LUA}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local token = held_token(KEYS[1], KEYS[4])
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
