import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeEntrySignature, encodeEntrySignature, ENTRY_SIGNATURE_MAX_CHARS, signEnvelopeText, verifyEnvelopeText } from './entry-signature';

const alice = generateKeyPairSync('ed25519');
const mallory = generateKeyPairSync('ed25519');
const text = JSON.stringify({ sender_id: 'alice', target_id: 'bob', message_type: 'pay', data: { note: 'say "hi" ✓' } });
const route = { sender: 'alice', target: 'bob' };

describe('entry signatures (the envelope text as written)', () => {
  it('verifies the text it signed, through its entry field, with the signer key only', () => {
    const field = encodeEntrySignature(signEnvelopeText(text, route, alice.privateKey));
    const signature = decodeEntrySignature(field)!;
    expect(signature).toMatchObject({ alg: 'ed25519', sender: 'alice', target: 'bob' });
    expect(verifyEnvelopeText(text, signature, alice.publicKey)).toBe(true);
    expect(verifyEnvelopeText(text, signature, mallory.publicKey)).toBe(false);
  });

  it('covers every byte of the text, the nonce and both ids', () => {
    const signature = signEnvelopeText(text, route, alice.privateKey);
    const same = JSON.stringify(JSON.parse(text), null, 1); // the same JSON value, other bytes
    expect(verifyEnvelopeText(same, signature, alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(text.replace('pay', 'pax'), signature, alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(text, { ...signature, nonce: `${signature.nonce.slice(1)}0` }, alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(text, { ...signature, sender: 'carol' }, alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(text, { ...signature, target: 'carol' }, alice.publicKey)).toBe(false);
  });

  it('draws a fresh nonce for each signature', () => {
    expect(signEnvelopeText(text, route, alice.privateKey).nonce).not.toBe(signEnvelopeText(text, route, alice.privateKey).nonce);
  });

  it.each([
    ['not JSON', 'ed25519:abc'],
    ['another algorithm', JSON.stringify({ alg: 'hmac-sha256', sender: 'a', target: 'b', nonce: 'n1', value: 'AA' })],
    ['a nonce with a line break', JSON.stringify({ alg: 'ed25519', sender: 'a', target: 'b', nonce: 'n\n1', value: 'AA' })],
    ['no sender', JSON.stringify({ alg: 'ed25519', target: 'b', nonce: 'n1', value: 'AA' })],
    ['an empty target', JSON.stringify({ alg: 'ed25519', sender: 'a', target: '', nonce: 'n1', value: 'AA' })],
    ['a field over the limit', JSON.stringify({ alg: 'ed25519', sender: 'a'.repeat(ENTRY_SIGNATURE_MAX_CHARS), target: 'b', nonce: 'n1', value: 'AA' })],
  ])('reads no signature from %s', (_case, field) => {
    expect(decodeEntrySignature(field)).toBeUndefined();
  });

  it('refuses a value that is not 64 bytes without throwing', () => {
    const signature = signEnvelopeText(text, route, alice.privateKey);
    expect(verifyEnvelopeText(text, { ...signature, value: 'AAAA' }, alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(text, { ...signature, value: '%%%' }, alice.publicKey)).toBe(false);
  });
});
