import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasKeys } from './keys';
import { StreamEntry, streamEntryField, streamEntryFields } from './stream-fields';

// Real entries from a real Redis (REDIS_URL, database 13), in the inbox stream of an agent id of this spec's own.
const redisUrl = `${(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '')}/13`;
const stream = MasKeys.inbox(`spec-stream-fields-${process.pid}-${Date.now()}`);
let redis: Redis;

beforeAll(() => {
  redis = new Redis(redisUrl, { connectionName: 'mas-spec-stream-fields' });
});

afterAll(async () => {
  await redis.del(stream);
  redis.disconnect();
});

describe('stream entry fields', () => {
  it('reads the flat field list of an entry into a record, and finds one field', async () => {
    const id = (await redis.xadd(stream, '*', 'envelope', '{"a":1}', 'agent_id', 'x', 'empty', ''))!;
    const [[readId, flat]] = (await redis.xrange(stream, id, id)) as StreamEntry[];
    expect(readId).toBe(id);
    expect(streamEntryFields(flat)).toEqual({ envelope: '{"a":1}', agent_id: 'x', empty: '' });
    expect(streamEntryField(flat, 'agent_id')).toBe('x');
    expect(streamEntryField(flat, 'empty')).toBe('');
    expect(streamEntryField(flat, 'missing')).toBeUndefined();
  });

  it('treats an entry without fields (deleted while pending: XREADGROUP gives null) as empty', () => {
    expect(streamEntryFields(null)).toEqual({});
    expect(streamEntryField(undefined, 'envelope')).toBeUndefined();
    // a value is never taken for a name: an odd trailing element is ignored
    expect(streamEntryFields(['a', '1', 'b'])).toEqual({ a: '1' });
    expect(streamEntryField(['a', 'b'], 'b')).toBeUndefined();
  });
});
