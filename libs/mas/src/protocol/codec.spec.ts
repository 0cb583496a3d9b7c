import { describe, expect, it } from 'vitest';
import { MalformedEnvelopeError, MessageTooLargeError, ReplyNotPossibleError } from '../errors';
import { AgentMessage } from './agent-message';
import { createMessage, decodeMessage, encodeMessage, exceedsBytes, PROTOCOL_VERSION } from './codec';

const WIRE_FIELDS = ['data', 'message_id', 'message_type', 'meta', 'sender_id', 'target_id', 'timestamp'];

function wire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sender_id: 'a',
    target_id: 'b',
    message_type: 't',
    data: {},
    meta: { version: 1, correlation_id: null, expects_reply: false, is_reply: false },
    timestamp: 1_700_000_000.5,
    message_id: 'm1',
    ...overrides,
  };
}

describe('createMessage', () => {
  it('fills in a fresh id, the time in float seconds and default meta', () => {
    const before = Date.now() / 1000;
    const message = createMessage({ senderId: 'a', targetId: 'b', messageType: 'greeting' });

    expect(message).toBeInstanceOf(AgentMessage);
    expect(message.data).toEqual({});
    expect(message.meta).toEqual({ version: PROTOCOL_VERSION, correlationId: null, expectsReply: false, isReply: false });
    expect(message.timestamp).toBeGreaterThanOrEqual(before);
    expect(message.timestamp).toBeLessThan(before + 5);
    expect(message.messageId).not.toBe(createMessage({ senderId: 'a', targetId: 'b', messageType: 'greeting' }).messageId);
  });

  it('carries request, reply, error and priority fields', () => {
    const message = createMessage({
      senderId: 'a',
      targetId: 'b',
      messageType: 'x',
      correlationId: 'c1',
      expectsReply: true,
      error: { type: 'E', message: 'm' },
      priority: 'HIGH',
    });

    expect(message.meta).toMatchObject({ correlationId: 'c1', expectsReply: true, isReply: false, priority: 'HIGH' });
    expect(message.meta.error).toEqual({ type: 'E', message: 'm' });
  });
});

describe('encodeMessage', () => {
  it('writes exactly the snake_case envelope of the wire contract', () => {
    const json = JSON.parse(encodeMessage(createMessage({ senderId: 'a', targetId: 'b', messageType: 't', data: { k: [1] } })));

    expect(Object.keys(json).sort()).toEqual(WIRE_FIELDS);
    expect(json.meta).toEqual({ version: 1, correlation_id: null, expects_reply: false, is_reply: false });
    expect(json).toMatchObject({ sender_id: 'a', target_id: 'b', message_type: 't', data: { k: [1] } });
  });

  it('adds meta.error and meta.priority only when set', () => {
    const json = JSON.parse(
      encodeMessage(
        createMessage({ senderId: 'a', targetId: 'b', messageType: 'mas.error', isReply: true, correlationId: 'c', error: { type: 'E', message: 'boom' }, priority: 'LOW' }),
      ),
    );

    expect(json.meta).toEqual({
      version: 1,
      correlation_id: 'c',
      expects_reply: false,
      is_reply: true,
      error: { type: 'E', message: 'boom' },
      priority: 'LOW',
    });
  });
});

describe('decodeMessage', () => {
  it('round-trips what encodeMessage wrote', () => {
    const original = createMessage({ senderId: 'a', targetId: 'b', messageType: 't', data: { n: 1, s: 'x', l: [null, { d: true }] }, correlationId: 'c', expectsReply: true });

    const decoded = decodeMessage(encodeMessage(original));

    expect(decoded.senderId).toBe('a');
    expect(decoded.targetId).toBe('b');
    expect(decoded.messageType).toBe('t');
    expect(decoded.data).toEqual(original.data);
    expect(decoded.meta).toEqual(original.meta);
    expect(decoded.timestamp).toBe(original.timestamp);
    expect(decoded.messageId).toBe(original.messageId);
    expect(decoded.expectsReply).toBe(true);
    expect(decoded.payload).toBe(decoded.data);
  });

  it('reads a Python-written envelope: spacing, nanosecond ids, unknown meta fields', () => {
    const raw =
      '{"sender_id": "py", "target_id": "ts", "message_type": "t", "data": {"a": 1}, ' +
      '"meta": {"version": 1, "correlation_id": "c", "expects_reply": true, "is_reply": false, "traceparent": null, "sender_instance_id": "i"}, ' +
      '"timestamp": 1732851234.123456, "message_id": "1732851234123456789"}';

    const message = decodeMessage(raw);

    expect(message.meta).toEqual({ version: 1, correlationId: 'c', expectsReply: true, isReply: false });
    expect(message.messageId).toBe('1732851234123456789');
    expect(message.timestamp).toBe(1732851234.123456);
  });

  it('keeps unknown top-level fields and writes them back when forwarded', () => {
    const message = decodeMessage(JSON.stringify(wire({ signature: { alg: 'HMAC-SHA256', value: 'v' }, hop: 2 })));

    expect(message.extra).toEqual({ signature: { alg: 'HMAC-SHA256', value: 'v' }, hop: 2 });
    expect(JSON.parse(encodeMessage(message))).toMatchObject({ signature: { alg: 'HMAC-SHA256', value: 'v' }, hop: 2 });
  });

  it('defaults what the contract allows to be missing: data, meta, timestamp', () => {
    const message = decodeMessage(JSON.stringify({ sender_id: 'a', target_id: 'b', message_type: 't', message_id: 7 }));

    expect(message.data).toEqual({});
    expect(message.meta).toEqual({ version: 1, correlationId: null, expectsReply: false, isReply: false });
    expect(typeof message.timestamp).toBe('number');
    expect(message.messageId).toBe('7');
  });

  it('reads meta.error of an error reply and a known priority; ignores an unknown priority', () => {
    const message = decodeMessage(
      JSON.stringify(wire({ meta: { version: 1, correlation_id: 'c', is_reply: true, error: { type: 'E', message: 'm', details: { v: 1 } }, priority: 'CRITICAL' } })),
    );
    expect(message.meta.error).toEqual({ type: 'E', message: 'm', details: { v: 1 } });
    expect(message.meta.priority).toBe('CRITICAL');

    const other = decodeMessage(JSON.stringify(wire({ meta: { priority: 'URGENT' } })));
    expect(other.meta.priority).toBeUndefined();
  });

  it.each([
    ['not JSON', 'nope'],
    ['truncated JSON', '{"sender_id": "a"'],
    ['an empty string', ''],
    ['a number', '42'],
    ['null', 'null'],
    ['an array', '[]'],
    ['a missing sender_id', JSON.stringify(wire({ sender_id: undefined }))],
    ['an empty target_id', JSON.stringify(wire({ target_id: '' }))],
    ['a numeric message_type', JSON.stringify(wire({ message_type: 5 }))],
    ['data as an array', JSON.stringify(wire({ data: [1] }))],
    ['data as a string', JSON.stringify(wire({ data: 'x' }))],
    ['a string timestamp', JSON.stringify(wire({ timestamp: '1700000000' }))],
    ['a missing message_id', JSON.stringify(wire({ message_id: undefined }))],
    ['meta as a string', JSON.stringify(wire({ meta: 'm' }))],
    ['a numeric correlation_id', JSON.stringify(wire({ meta: { correlation_id: 1 } }))],
  ])('rejects %s with MalformedEnvelopeError', (_label, raw) => {
    expect(() => decodeMessage(raw)).toThrow(MalformedEnvelopeError);
  });

  it('rejects an envelope over the byte limit with MessageTooLargeError, before parsing it', () => {
    const raw = JSON.stringify(wire({ data: { blob: 'x'.repeat(200) } }));

    expect(() => decodeMessage(raw, 100)).toThrow(MessageTooLargeError);
    expect(() => decodeMessage('x'.repeat(101), 100)).toThrow(MessageTooLargeError); // not even JSON
    expect(() => decodeMessage(raw, raw.length)).not.toThrow();
    const error = (() => {
      try {
        return decodeMessage(raw, 100);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ size: Buffer.byteLength(raw), limit: 100, code: 'MESSAGE_TOO_LARGE' });
  });

  it('accepts a Buffer', () => {
    const message = decodeMessage(Buffer.from(JSON.stringify(wire({ data: { s: 'é' } }))));
    expect(message.data).toEqual({ s: 'é' });
  });
});

describe('exceedsBytes', () => {
  it('counts UTF-8 bytes, not characters', () => {
    expect(exceedsBytes('é'.repeat(10), 19)).toBe(20);
    expect(exceedsBytes('é'.repeat(10), 20)).toBeUndefined();
    expect(exceedsBytes('€'.repeat(10), 29)).toBe(30);
    expect(exceedsBytes('😀', 3)).toBe(4);
    expect(exceedsBytes('abc', 3)).toBeUndefined();
    expect(exceedsBytes('abcd', 3)).toBe(4);
    expect(exceedsBytes(Buffer.from('é'), 1)).toBe(2);
  });
});

describe('AgentMessage.reply', () => {
  it('refuses without a correlation id or without a receiving agent', async () => {
    const plain = createMessage({ senderId: 'a', targetId: 'b', messageType: 't' });
    plain.attach({ replyTo: async () => undefined });
    await expect(plain.reply('x')).rejects.toBeInstanceOf(ReplyNotPossibleError);

    const unattached = createMessage({ senderId: 'a', targetId: 'b', messageType: 't', correlationId: 'c', expectsReply: true });
    await expect(unattached.reply('x')).rejects.toBeInstanceOf(ReplyNotPossibleError);
  });

  it('replies through the receiving agent and remembers it did', async () => {
    const calls: unknown[] = [];
    const request = createMessage({ senderId: 'a', targetId: 'b', messageType: 't', correlationId: 'c', expectsReply: true });
    request.attach({ replyTo: async (message, type, data) => void calls.push([message.messageId, type, data]) });

    expect(request.hasReplied).toBe(false);
    await request.reply('t.done', { ok: true });

    expect(request.hasReplied).toBe(true);
    expect(calls).toEqual([[request.messageId, 't.done', { ok: true }]]);
  });
});

describe('encodeMessage writes what JSON.stringify of the wire form writes', () => {
  const meta = (extra: Record<string, unknown> = {}) => ({ version: PROTOCOL_VERSION, correlationId: null, expectsReply: false, isReply: false, ...extra }) as AgentMessage['meta'];
  const cases: Array<[string, AgentMessage]> = [
    ['a plain message', createMessage({ senderId: 'alice', targetId: 'bob', messageType: 'order.created', data: { seq: 1, items: [{ sku: 'A-1', qty: 2, price: 19.99 }], note: 'x'.repeat(150) } })],
    ['a request with a correlation id', createMessage({ senderId: 'a', targetId: 'b', messageType: 't', correlationId: 'c-1', expectsReply: true })],
    ['ids and type needing escapes', new AgentMessage('al"ice\\', 'b\u0001ob', 'type\n2', { k: 'v' }, meta({ correlationId: 'q"uote' }), 1_700_000_000.25, 'id\u2028x')],
    ['lone and paired surrogates', new AgentMessage('\ud83d\ude00', 'b\ud800', 't', { s: '\udfff' }, meta(), 1, '\ud83d')],
    ['a reply with an error and a priority', createMessage({ senderId: 'a', targetId: 'b', messageType: 't', isReply: true, error: { type: 'E', message: 'm' }, priority: 'HIGH', deadline: 5 })],
    ['data with a Date and a toJSON', new AgentMessage('a', 'b', 't', { at: new Date(0), custom: { toJSON: (key: string) => `key:${key}` } } as never, meta(), 2, 'm')],
    ['data that is itself a toJSON object', new AgentMessage('a', 'b', 't', { toJSON: (key: string) => ({ key }) } as never, meta(), 2, 'm')],
    ['a timestamp that is not finite', new AgentMessage('a', 'b', 't', {}, meta(), Number.NaN, 'm')],
    ['negative zero and large numbers', new AgentMessage('a', 'b', 't', { n: -0, big: 1e21, small: 5e-7 }, meta(), -0, 'm')],
    ['trace context in meta', new AgentMessage('a', 'b', 't', {}, meta({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'x=1' }), 3, 'm')],
  ];
  it.each(cases)('%s', (_name, message) => expect(encodeMessage(message)).toBe(JSON.stringify(message.toWire())));

  it('an envelope with extra fields (kept from a received one)', () => {
    const message = decodeMessage(JSON.stringify(wire({ ttl: 5, zz: { a: 1 } })));
    expect(encodeMessage(message)).toBe(JSON.stringify(message.toWire()));
  });
});
