import { LuaScript } from '@mas/core';

/**
 * Appends a batch of chained entries when the chain head is still the one they were hashed on
 * (compare-and-set: several gateway instances append to one chain).
 * KEYS: head, audit stream, security events stream, then per entry its by-sender and by-target streams.
 * ARGV: expected head ('' for an empty trail), new head, entry count, index streams' MAXLEN (~), the
 *   number of field names and the names (once per batch), then per entry: its flags (three
 *   characters '0'/'1': security event, by sender, by target), its value count k and the values of
 *   the first k names.
 * The security events stream gets a copy of the entry (with `audit_id`); the by-sender and by-target
 * index streams get only `audit_id` (a pointer into the audit stream: a copy of every field cost
 * Redis about as much again as the entry itself). Names go once per batch, not once per entry: each
 * argument costs Redis a string on the way in and another into the XADD.
 * Returns { 1, id... } when appended, { 0, current head } when another instance moved the head.
 */
export const AUDIT_APPEND_SCRIPT = new LuaScript(`
local head = redis.call('GET', KEYS[1]) or ''
if head ~= ARGV[1] then return { 0, head } end
local out = { 1 }
local cap = ARGV[4]
local nnames = tonumber(ARGV[5])
local names = {}
for j = 1, nnames do names[j] = ARGV[5 + j] end
local pos = 6 + nnames
for i = 1, tonumber(ARGV[3]) do
  local flags, k = ARGV[pos], tonumber(ARGV[pos + 1])
  pos = pos + 2
  local fields = {}
  for j = 1, k do
    fields[2 * j - 1] = names[j]
    fields[2 * j] = ARGV[pos + j - 1]
  end
  pos = pos + k
  local id = redis.call('XADD', KEYS[2], '*', unpack(fields))
  out[#out + 1] = id
  if string.byte(flags, 1) == 49 then
    fields[#fields + 1] = 'audit_id'
    fields[#fields + 1] = id
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', cap, '*', unpack(fields))
  end
  if string.byte(flags, 2) == 49 then redis.call('XADD', KEYS[2 + 2 * i], 'MAXLEN', '~', cap, '*', 'audit_id', id) end
  if string.byte(flags, 3) == 49 then redis.call('XADD', KEYS[3 + 2 * i], 'MAXLEN', '~', cap, '*', 'audit_id', id) end
end
redis.call('SET', KEYS[1], ARGV[2])
return out
`);
