import { describe, expect, it } from 'vitest';
import { parseCapabilities, recordFromFields } from './record-codec';

describe('registry record codec', () => {
  it('reads an agent:{id} hash as the Python implementation writes it', () => {
    const record = recordFromFields('a', {
      id: 'a',
      capabilities: '["chat", "nlp"]',
      metadata: '{"model": "x"}',
      status: 'ACTIVE',
      token: 'secret',
      registered_at: '1732851234.123456',
    });

    expect(record).toEqual({ id: 'a', capabilities: ['chat', 'nlp'], metadata: { model: 'x' }, status: 'ACTIVE', registeredAt: 1732851234.123456 });
    expect(record).not.toHaveProperty('token');
  });

  it('tolerates missing or broken fields', () => {
    expect(recordFromFields('b', { status: 'INACTIVE', capabilities: 'not json', metadata: '[1]' })).toEqual({
      id: 'b',
      capabilities: [],
      metadata: {},
      status: 'INACTIVE',
      registeredAt: 0,
    });
    expect(parseCapabilities(undefined)).toEqual([]);
    expect(parseCapabilities('{"a":1}')).toEqual([]);
    expect(parseCapabilities('["a", 2, "b"]')).toEqual(['a', 'b']);
  });
});
