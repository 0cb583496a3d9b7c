import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeEntrySignature, encodeEntrySignature, ENTRY_SIGNATURE_MAX_CHARS, MAX_ENTRY_BATCH, signEnvelopeText, signEnvelopeTexts, verifyEnvelopeText } from './entry-signature';

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

describe('entry signatures of a batch (the entries of one turn signed together)', () => {
  const texts = Array.from({ length: 5 }, (_, i) => text.replace('pay', `pay-${i}`));
  const batch = () => signEnvelopeTexts(texts.map((t) => ({ text: t, ...route })), alice.privateKey);

  it('signs once for the batch, each entry with its own nonce and path, each verifying through its entry field', () => {
    const signatures = batch();
    expect(new Set(signatures.map((s) => s.value)).size).toBe(1);
    expect(new Set(signatures.map((s) => s.nonce)).size).toBe(5);
    signatures.forEach((signature, i) => {
      const decoded = decodeEntrySignature(encodeEntrySignature(signature))!;
      expect(decoded.path?.length).toBeGreaterThan(0);
      expect(verifyEnvelopeText(texts[i], decoded, alice.publicKey)).toBe(true);
    });
  });

  it('covers each entry: another text, another entry path, another nonce or route, another key all fail', () => {
    const signatures = batch();
    expect(signatures.every((signature, i) => verifyEnvelopeText(texts[i], signature, alice.publicKey))).toBe(true); // the tree is known now
    expect(verifyEnvelopeText(texts[1], signatures[0], alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(texts[0].replace('pay-0', 'pax-0'), signatures[0], alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(texts[0], { ...signatures[0], path: signatures[1].path }, alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(texts[0], { ...signatures[0], nonce: signatures[1].nonce }, alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(texts[0], { ...signatures[0], target: 'carol' }, alice.publicKey)).toBe(false);
    expect(verifyEnvelopeText(texts[0], signatures[0], mallory.publicKey)).toBe(false);
  });

  it('keeps the two forms apart: a batch value alone, or a lone signature with a path, signs nothing', () => {
    const [first] = batch();
    const { path: _path, ...alone } = first;
    expect(verifyEnvelopeText(texts[0], alone, alice.publicKey)).toBe(false);
    const single = signEnvelopeText(texts[0], route, alice.privateKey);
    expect(verifyEnvelopeText(texts[0], { ...single, path: [] }, alice.publicKey)).toBe(false);
  });

  it("takes no entry into a tree it is not in, even one whose root was verified (mallory's leaf under alice's node)", () => {
    const signatures = batch();
    expect(verifyEnvelopeText(texts[2], signatures[2], alice.publicKey)).toBe(true);
    const forged = { ...signatures[2], nonce: 'mallory1' };
    expect(verifyEnvelopeText(texts[2], forged, alice.publicKey)).toBe(false);
    // Mallory's own batch: valid under her key, never under alice's (the known nodes are kept per key).
    const hers = signEnvelopeTexts(texts.map((t) => ({ text: t, ...route })), mallory.privateKey);
    expect(verifyEnvelopeText(texts[3], hers[3], mallory.publicKey)).toBe(true);
    expect(verifyEnvelopeText(texts[3], hers[3], alice.publicKey)).toBe(false);
  });

  it('signs one entry alone, and refuses an empty or oversized batch', () => {
    const [single] = signEnvelopeTexts([{ text, ...route }], alice.privateKey);
    expect(single.path).toBeUndefined();
    expect(verifyEnvelopeText(text, single, alice.publicKey)).toBe(true);
    expect(() => signEnvelopeTexts([], alice.privateKey)).toThrow(RangeError);
    expect(() => signEnvelopeTexts(Array.from({ length: MAX_ENTRY_BATCH + 1 }, () => ({ text, ...route })), alice.privateKey)).toThrow(RangeError);
  });

  it.each([
    ['a path that is not an array', { path: 'LAAAA' }],
    ['a path step that is not a string', { path: [1] }],
    ['a path over 16 steps', { path: Array.from({ length: 17 }, () => `L${'A'.repeat(43)}=`) }],
  ])('reads no signature from a field with %s', (_case, extra) => {
    expect(decodeEntrySignature(JSON.stringify({ alg: 'ed25519', sender: 'a', target: 'b', nonce: 'n1', value: 'AA', ...extra }))).toBeUndefined();
  });

  it('refuses a malformed path step without throwing', () => {
    const [first] = batch();
    expect(verifyEnvelopeText(texts[0], { ...first, path: ['Xnot-a-step'] }, alice.publicKey)).toBe(false);
  });
});
