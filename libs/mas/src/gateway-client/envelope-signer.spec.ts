import { describe, expect, it } from 'vitest';
import { createMessage, encodeMessage } from '../protocol';
import { envelopeSignature, generateSigningKeys, signEnvelope, SigningKeys, verifyEnvelope, withEnvelopeSignature } from './envelope-signer';

const message = () =>
  createMessage({ senderId: 'alice', targetId: 'bob', messageType: 'order', data: { seq: 1, note: 'é "q" \\ \n', items: [{ sku: 'A', qty: 2 }], nested: { z: 1, a: [null, true] } }, priority: 'HIGH', deadline: 1.5 });

const keyOf = (keys: SigningKeys) => (keys.alg === 'hmac-sha256' ? { hmacSecret: keys.secret } : { publicKeyPem: keys.publicKeyPem });

describe('envelope signatures', () => {
  for (const alg of ['hmac-sha256', 'ed25519'] as const) {
    it(`${alg}: the block spliced into the encoded envelope is the text of the envelope signed in place, and verifies`, () => {
      const keys = generateSigningKeys(alg);
      const sent = message();
      const block = envelopeSignature(sent.toWire(), keys);
      const text = withEnvelopeSignature(encodeMessage(sent), block);
      expect(text).toBe(JSON.stringify({ ...sent.toWire(), signature: block }));
      expect(verifyEnvelope(JSON.parse(text), keyOf(keys))).toBe(true);
      const signed = JSON.parse(JSON.stringify(signEnvelope(sent.toWire(), keys)));
      expect(verifyEnvelope(signed, keyOf(keys))).toBe(true);
      expect(signed.signature.nonce).not.toBe(block.nonce);
    });
  }

  it('a changed envelope or another key does not verify', () => {
    const keys = generateSigningKeys('hmac-sha256');
    const sent = message();
    const signed = JSON.parse(withEnvelopeSignature(encodeMessage(sent), envelopeSignature(sent.toWire(), keys)));
    expect(verifyEnvelope({ ...signed, data: { ...signed.data, seq: 2 } }, keyOf(keys))).toBe(false);
    expect(verifyEnvelope(signed, keyOf(generateSigningKeys('hmac-sha256')))).toBe(false);
  });
});
