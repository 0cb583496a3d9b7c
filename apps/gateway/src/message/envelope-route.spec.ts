import { describe, expect, it } from 'vitest';
import { createMessage, decodeEnvelope, encodeMessage } from '@mas/core';
import { peekEnvelopeRoute, scanEnvelopeRoute, scanTopLevelStrings } from './envelope-route';

describe('peekEnvelopeRoute', () => {
  it('reads sender and target of envelopes as the codec writes them, as decoding gives them', () => {
    const request = encodeMessage(createMessage({ senderId: 'alice', targetId: 'bob', messageType: 'ask', data: { n: 1, list: ['a', 'b'] }, expectsReply: true }));
    const reply = encodeMessage(createMessage({ senderId: 'bob', targetId: 'alice', messageType: 'answer', data: {}, isReply: true }));
    for (const raw of [request, reply]) {
      const { message } = decodeEnvelope(raw);
      expect(peekEnvelopeRoute(raw)).toEqual({ senderId: message.senderId, targetId: message.targetId, replyHint: message.meta.isReply });
    }
  });

  it('cannot tell when the data holds the same key (decode instead)', () => {
    const raw = encodeMessage(createMessage({ senderId: 'alice', targetId: 'bob', messageType: 'ask', data: { target_id: 'mallory' } }));
    expect(peekEnvelopeRoute(raw)).toBeUndefined();
  });

  it('allows JSON whitespace around the colon', () => {
    expect(peekEnvelopeRoute('{ "sender_id" :\n "a", "target_id":\t"b" }')).toEqual({ senderId: 'a', targetId: 'b', replyHint: false });
  });

  it.each([
    ['an escape anywhere', '{"sender_id":"a","target_id":"b","data":{"t":"say \\"hi\\""}}'],
    ['a key spelt with an escape', '{"sender_id":"a","target_id":"b","sender\\u005fid":"c"}'],
    ['a repeated key', '{"sender_id":"a","target_id":"b","sender_id":"c"}'],
    ['a missing key', '{"target_id":"b"}'],
    ['a value that is not a string', '{"sender_id":7,"target_id":"b"}'],
    ['an empty value', '{"sender_id":"","target_id":"b"}'],
  ])('cannot tell with %s', (_case, raw) => {
    expect(peekEnvelopeRoute(raw)).toBeUndefined();
  });
});

describe('scanEnvelopeRoute / scanTopLevelStrings', () => {
  /** What decoding gives for `raw` (undefined when it refuses it). */
  const decoded = (raw: string) => {
    try {
      const { message } = decodeEnvelope(raw);
      return { senderId: message.senderId, targetId: message.targetId };
    } catch {
      return undefined;
    }
  };

  it.each([
    ['an escape anywhere', '{"sender_id":"a","target_id":"b","message_type":"t","message_id":"m","data":{"t":"say \\"hi\\" \\\\"}}'],
    ['a key spelt with an escape', '{"sender_id":"a","target_id":"b","sender\\u005fid":"c","message_type":"t","message_id":"m"}'],
    ['a repeated key (the last one wins)', '{"sender_id":"a","target_id":"b","sender_id":"c","message_type":"t","message_id":"m"}'],
    ['the keys inside the data', '{"data":{"sender_id":"x","target_id":["y"]},"sender_id":"a","target_id":"b","message_type":"t","message_id":"m"}'],
    ['values with escapes', '{"sender_id":"a\\"b","target_id":"\\u0062\\\\","message_type":"t","message_id":"m"}'],
    ['strings holding braces and quotes', '{"meta":{"n":"}{]["},"sender_id":"a","x":"\\\\\\"","target_id":"b","message_type":"t","message_id":"m"}'],
    ['whitespace everywhere', ' {\n "sender_id" :\t"a" , "target_id" : "b" ,"message_type":"t","message_id":"m" } \n'],
    ['a missing key', '{"target_id":"b","message_type":"t","message_id":"m"}'],
    ['a value that is not a string', '{"sender_id":7,"target_id":"b","message_type":"t","message_id":"m"}'],
    ['a later value that is not a string', '{"sender_id":"a","target_id":"b","sender_id":{"x":1},"message_type":"t","message_id":"m"}'],
    ['an empty value', '{"sender_id":"","target_id":"b","message_type":"t","message_id":"m"}'],
    ['an array at the top', '[{"sender_id":"a","target_id":"b"}]'],
    ['an unclosed object', '{"sender_id":"a","target_id":"b","message_type":"t","message_id":"m"'],
    ['text after the object', '{"sender_id":"a","target_id":"b","message_type":"t","message_id":"m"} x'],
    ['an unclosed string', '{"sender_id":"a","target_id":"b'],
  ])('gives what decoding gives with %s', (_case, raw) => {
    const route = scanEnvelopeRoute(raw);
    expect(route && { senderId: route.senderId, targetId: route.targetId }).toEqual(decoded(raw));
  });

  it('gives what decoding gives for envelopes as the codec writes them, whatever their data', () => {
    const samples: unknown[] = ['a"b', '\\', '}', '{"sender_id":"x"}', ['"', { target_id: 'y' }], { nested: { deeper: ['\\"', 1, null, true] } }, 'é\u2028\u0000'];
    for (const [i, sample] of samples.entries()) {
      const raw = encodeMessage(createMessage({ senderId: `s"${i}`, targetId: `t\\${i}`, messageType: 'x', data: { sample, sender_id: 'no' } }));
      const { message } = decodeEnvelope(raw);
      expect(scanTopLevelStrings(raw)).toEqual({ sender_id: message.senderId, target_id: message.targetId, message_type: 'x', message_id: message.messageId });
    }
  });

  it('reads an envelope of 70,000 small objects faster than JSON.parse does', () => {
    const items = Array.from({ length: 70_000 }, () => ({ k: 1, j: 2 }));
    const raw = encodeMessage(createMessage({ senderId: 'alice', targetId: 'bob', messageType: 'bulk', data: { items, note: 'say "hi"' } }));
    const timed = (run: () => unknown) => {
      const started = performance.now();
      run();
      return performance.now() - started;
    };
    // The two are timed in turn, round after round (a busy machine slows both alike), best of each.
    const scan: number[] = [];
    const parse: number[] = [];
    for (let round = 0; round < 7; round += 1) {
      scan.push(timed(() => scanEnvelopeRoute(raw)));
      parse.push(timed(() => JSON.parse(raw)));
    }
    expect(scanEnvelopeRoute(raw)).toMatchObject({ senderId: 'alice', targetId: 'bob' });
    expect(Math.min(...scan)).toBeLessThan(Math.min(...parse));
  });
});
