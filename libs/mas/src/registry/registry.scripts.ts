import { LuaScript } from '../redis/lua-script';

/**
 * KEYS: agent hash, heartbeat key, all-agents set.
 * ARGV: id, capabilities JSON, metadata JSON, token, registered_at, heartbeat value, ttl ms,
 *       replace (1|0), capability key prefix, capabilities...
 * Returns 1 when registered, 0 when a live agent holds the id.
 */
export const REGISTER_SCRIPT = new LuaScript(`
if ARGV[8] ~= '1' and redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local old = redis.call('HGET', KEYS[1], 'capabilities')
if old then
  local ok, list = pcall(cjson.decode, old)
  if ok and type(list) == 'table' then
    for _, c in ipairs(list) do
      if type(c) == 'string' then redis.call('SREM', ARGV[9] .. c, ARGV[1]) end
    end
  end
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'capabilities', ARGV[2], 'metadata', ARGV[3],
  'status', 'ACTIVE', 'token', ARGV[4], 'registered_at', ARGV[5])
redis.call('SET', KEYS[2], ARGV[6], 'PX', ARGV[7])
redis.call('SADD', KEYS[3], ARGV[1])
for i = 10, #ARGV do redis.call('SADD', ARGV[9] .. ARGV[i], ARGV[1]) end
return 1
`);

/**
 * KEYS: agent hash, heartbeat key, all-agents set. ARGV: id, token, capability key prefix.
 * Removes the registration only when it is still ours (same token): an agent replaced by another
 * process does not delete its successor. Returns 1 when removed.
 */
export const DEREGISTER_SCRIPT = new LuaScript(`
local token = redis.call('HGET', KEYS[1], 'token')
if token and token ~= ARGV[2] then return 0 end
local caps = redis.call('HGET', KEYS[1], 'capabilities')
if caps then
  local ok, list = pcall(cjson.decode, caps)
  if ok and type(list) == 'table' then
    for _, c in ipairs(list) do
      if type(c) == 'string' then redis.call('SREM', ARGV[3] .. c, ARGV[1]) end
    end
  end
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
return 1
`);

/**
 * KEYS: agent hash, heartbeat key. ARGV: token, heartbeat value, ttl ms.
 * Returns 1 when refreshed, 0 when the registration is gone (Redis restarted or flushed) so the
 * agent must register again, -1 when another agent took the id over (different token).
 */
export const HEARTBEAT_SCRIPT = new LuaScript(`
local token = redis.call('HGET', KEYS[1], 'token')
if not token then return 0 end
if token ~= ARGV[1] then return -1 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1
`);

/**
 * KEYS: the sets to read (capability sets, or the all-agents set). ARGV: agent hash prefix.
 * Returns [id, capabilities, metadata, registered_at, status] of every ACTIVE agent in their union.
 */
export const DISCOVER_SCRIPT = new LuaScript(`
local ids
if #KEYS == 1 then ids = redis.call('SMEMBERS', KEYS[1]) else ids = redis.call('SUNION', unpack(KEYS)) end
local out = {}
for _, id in ipairs(ids) do
  local h = redis.call('HMGET', ARGV[1] .. id, 'status', 'capabilities', 'metadata', 'registered_at')
  if h[1] == 'ACTIVE' then out[#out + 1] = { id, h[2] or '[]', h[3] or '{}', h[4] or '0', h[1] } end
end
return out
`);
