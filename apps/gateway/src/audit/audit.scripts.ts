import { LuaScript } from '@mas/core';

/**
 * Appends a batch of chained entries when the chain head is still the one they were hashed on
 * (compare-and-set: several gateway instances append to one chain).
 * KEYS: head, audit stream, security events stream, then per entry its by-sender and by-target streams.
 * ARGV: expected head ('' for an empty trail), new head, entry count, index streams' MAXLEN (~), then per entry:
 *   security flag, sender flag, target flag, field count, fields...
 * The security events stream gets a copy of the entry (with `audit_id`); the by-sender and by-target
 * index streams get only `audit_id` (a pointer into the audit stream: a copy of every field cost
 * Redis about as much again as the entry itself).
 * Returns { 1, id... } when appended, { 0, current head } when another instance moved the head.
 */
export const AUDIT_APPEND_SCRIPT = new LuaScript(`
local head = redis.call('GET', KEYS[1]) or ''
if head ~= ARGV[1] then return { 0, head } end
local out = { 1 }
local pos = 5
local cap = ARGV[4]
for i = 1, tonumber(ARGV[3]) do
  local security, bySender, byTarget, n = ARGV[pos], ARGV[pos + 1], ARGV[pos + 2], tonumber(ARGV[pos + 3])
  pos = pos + 4
  local fields = {}
  for j = pos, pos + n - 1 do fields[#fields + 1] = ARGV[j] end
  pos = pos + n
  local id = redis.call('XADD', KEYS[2], '*', unpack(fields))
  out[#out + 1] = id
  if security == '1' then
    fields[#fields + 1] = 'audit_id'
    fields[#fields + 1] = id
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', cap, '*', unpack(fields))
  end
  if bySender == '1' then redis.call('XADD', KEYS[2 + 2 * i], 'MAXLEN', '~', cap, '*', 'audit_id', id) end
  if byTarget == '1' then redis.call('XADD', KEYS[3 + 2 * i], 'MAXLEN', '~', cap, '*', 'audit_id', id) end
end
redis.call('SET', KEYS[1], ARGV[2])
return out
`);
