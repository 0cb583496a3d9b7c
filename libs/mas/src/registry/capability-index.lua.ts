/**
 * Lua defining `named(template, name)`: the key a {@link MasKeySpace.templates key template} gives
 * for `name` (the template's `*` replaced by it, verbatim), so scripts build the names of the key
 * space they were handed and never spell one themselves.
 */
export const KEY_NAME_LUA = `
local function named(template, name)
  local at = string.find(template, '*', 1, true)
  return string.sub(template, 1, at - 1) .. name .. string.sub(template, at + 1)
end
`;

/**
 * Lua shared by the registry scripts that maintain the capability index (`mas:cap:{capability}`
 * sets). Prepended to a script's source, it defines:
 * `named` ({@link KEY_NAME_LUA}) and `unindex(json, template, id)`: removes `id` from the set of every capability of the JSON list
 * `json` (a missing or unparsable list removes nothing);
 * `replicas_left(key, replica, now, ttl)`: takes `replica` (when not '') and the replicas whose last
 * heartbeat is older than `ttl` ms out of the replicas zset `key`, and returns how many are left
 * (0 when no replica was named).
 */
export const CAPABILITY_INDEX_LUA = `${KEY_NAME_LUA}
local function unindex(json, template, id)
  if not json then return end
  local ok, list = pcall(cjson.decode, json)
  if not ok or type(list) ~= 'table' then return end
  for _, c in ipairs(list) do
    if type(c) == 'string' then redis.call('SREM', named(template, c), id) end
  end
end
local function replicas_left(key, replica, now, ttl)
  if replica == '' then return 0 end
  redis.call('ZREM', key, replica)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', tonumber(now) - tonumber(ttl))
  return redis.call('ZCARD', key)
end
`;
