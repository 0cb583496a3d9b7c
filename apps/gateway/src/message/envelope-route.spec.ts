import { describe, expect, it } from 'vitest';
import { createMessage, decodeEnvelope, encodeMessage } from '@mas/core';
import { peekEnvelopeRoute } from './envelope-route';

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
