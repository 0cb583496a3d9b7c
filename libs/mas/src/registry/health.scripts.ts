import { LuaScript } from '../redis/lua-script';
import { CAPABILITY_INDEX_LUA } from './capability-index.lua';

/**
 * Outcome of {@link SYNC_STATUS_SCRIPT} for one agent. The status follows the heartbeat key:
 * ACTIVE while it exists, INACTIVE once it is gone. Each flip is a compare-and-set inside Redis,
 * so several registry instances reconciling the same agent change it once.
 */
export const StatusSync = {
  /** No `agent:{id}` hash. */
  MISSING: -1,
  /** ACTIVE with a heartbeat: nothing to do. */
  ACTIVE: 0,
  /** INACTIVE without a heartbeat: nothing to do. */
  INACTIVE: 1,
  /** Was ACTIVE, heartbeat gone: marked INACTIVE by this call. */
  MARKED_INACTIVE: 2,
  /** Was not ACTIVE, heartbeat present: marked ACTIVE by this call. */
  MARKED_ACTIVE: 3,
  /** ACTIVE without a heartbeat but registered within the grace period: left alone. */
  GRACE: 4,
} as const;

/** One of the {@link StatusSync} values. */
export type StatusSyncCode = (typeof StatusSync)[keyof typeof StatusSync];

/**
 * KEYS: pairs (agent hash, heartbeat key). ARGV: grace ms (an ACTIVE agent registered less than
 * this long ago may not have written its first heartbeat yet: Python agents write it after the hash).
 * Returns one {@link StatusSync} code per pair.
 */
export const SYNC_STATUS_SCRIPT = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local grace = tonumber(ARGV[1]) / 1000
local out = {}
for i = 1, #KEYS, 2 do
  local code
  if redis.call('EXISTS', KEYS[i]) == 0 then
    code = -1
  else
    local status = redis.call('HGET', KEYS[i], 'status')
    if redis.call('EXISTS', KEYS[i + 1]) == 1 then
      if status == 'ACTIVE' then code = 0 else redis.call('HSET', KEYS[i], 'status', 'ACTIVE'); code = 3 end
    elseif status == 'INACTIVE' then
      code = 1
    else
      local registered = tonumber(redis.call('HGET', KEYS[i], 'registered_at') or '0') or 0
      if status == 'ACTIVE' and now - registered < grace then code = 4
      else redis.call('HSET', KEYS[i], 'status', 'INACTIVE'); code = 2 end
    end
  end
  out[#out + 1] = code
end
return out
`);

/**
 * KEYS: agent hash, all-agents set, registry-indexed hash. ARGV: id, capability key template.
 * Puts an agent into the capability index from the `capabilities` of its hash (agents of the
 * Python implementation do not index themselves) and records what it indexed (only for agents it
 * had to index: ours index themselves and take themselves out again).
 * Returns -1 when there is no registry hash, 1 when the index gained an entry, 0 otherwise.
 */
export const INDEX_AGENT_SCRIPT = new LuaScript(`${CAPABILITY_INDEX_LUA}
local caps = redis.call('HGET', KEYS[1], 'capabilities')
if not caps then return -1 end
local ok, list = pcall(cjson.decode, caps)
if not ok or type(list) ~= 'table' then list = {} end
local old = redis.call('HGET', KEYS[3], ARGV[1])
if old ~= caps then unindex(old, ARGV[2], ARGV[1]) end
local added = redis.call('SADD', KEYS[2], ARGV[1])
for _, c in ipairs(list) do
  if type(c) == 'string' then added = added + redis.call('SADD', named(ARGV[2], c), ARGV[1]) end
end
if added > 0 or old then redis.call('HSET', KEYS[3], ARGV[1], caps) end
if added > 0 then return 1 end
return 0
`);

/**
 * KEYS: agent hash, all-agents set, registry-indexed hash. ARGV: id, capability key template.
 * Takes an agent whose registry hash is gone out of the index (capabilities from what
 * {@link INDEX_AGENT_SCRIPT} recorded). Returns 1 when an entry was removed, 0 when there was none,
 * -1 when the hash still exists (the agent is registered: left alone).
 */
export const UNINDEX_AGENT_SCRIPT = new LuaScript(`${CAPABILITY_INDEX_LUA}
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
local old = redis.call('HGET', KEYS[3], ARGV[1])
unindex(old, ARGV[2], ARGV[1])
local removed = redis.call('SREM', KEYS[2], ARGV[1]) + redis.call('HDEL', KEYS[3], ARGV[1])
if removed > 0 then return 1 end
return 0
`);

/** KEYS: lease key. ARGV: owner. Releases a lease only if `owner` still holds it; returns 1 when released. */
export const RELEASE_LEASE_SCRIPT = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);
