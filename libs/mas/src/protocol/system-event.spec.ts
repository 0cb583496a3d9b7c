import { describe, expect, it } from 'vitest';
import { decodeSystemEvent } from './system-event';

describe('decodeSystemEvent', () => {
  it('reads REGISTER and DEREGISTER events as the Python implementation writes them', () => {
    expect(decodeSystemEvent('{"type": "REGISTER", "agent_id": "a", "capabilities": ["chat", "nlp"]}')).toEqual({
      type: 'REGISTER',
      agent_id: 'a',
      capabilities: ['chat', 'nlp'],
    });
    expect(decodeSystemEvent('{"type": "DEREGISTER", "agent_id": "a"}')).toEqual({ type: 'DEREGISTER', agent_id: 'a', capabilities: undefined });
  });

  it('keeps only string capabilities', () => {
    expect(decodeSystemEvent('{"type":"REGISTER","agent_id":"a","capabilities":["x",1,null,"y"]}')?.capabilities).toEqual(['x', 'y']);
  });

  it.each(['nope', 'null', '[]', '{"type":"HELLO","agent_id":"a"}', '{"type":"REGISTER"}', '{"type":"REGISTER","agent_id":""}'])(
    'ignores %s',
    (raw) => {
      expect(decodeSystemEvent(raw)).toBeUndefined();
    },
  );
});
