import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gatewayBatchSignatures, gatewayRecordDigest, gatewaySignatureOf, verifyGatewaySignature } from './gateway-signature';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const records = (n: number) => Array.from({ length: n }, (_, i) => ({ sender_id: 'mas.gateway', target_id: `a${i}`, data: { n: i, text: 'x'.repeat(i) } }));
const signedBatch = (n: number) => {
  const batch = records(n);
  const blocks = gatewayBatchSignatures(batch.map(gatewayRecordDigest), privateKey, 'k1');
  return batch.map((record, i) => ({ ...record, gateway_signature: blocks[i] }));
};

describe('gateway signatures', () => {
  it('a record signed alone verifies with the public key, and not once edited or under another key', () => {
    const record = { a: 1, b: { c: 'd' } };
    const signed = { ...record, gateway_signature: gatewaySignatureOf(record, privateKey, 'k1') };
    expect(verifyGatewaySignature(signed, publicKey)).toBe(true);
    expect(verifyGatewaySignature({ ...signed, a: 2 }, publicKey)).toBe(false);
    expect(verifyGatewaySignature(signed, other.publicKey)).toBe(false);
  });

  it.each([1, 2, 3, 7, 64, 1000])('every record of a batch of %i verifies with one signature and its own path', (n) => {
    const signed = signedBatch(n);
    expect(new Set(signed.map((r) => r.gateway_signature.value)).size).toBe(1);
    for (const record of signed) expect(verifyGatewaySignature(record, publicKey)).toBe(true);
    expect(Math.max(...signed.map((r) => r.gateway_signature.path.length))).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
  });

  it('an edited record, a path moved to another record, a cut or altered path and another key all fail', () => {
    const signed = signedBatch(5);
    const [first, second] = signed;
    expect(verifyGatewaySignature({ ...first, data: { n: 99, text: '' } }, publicKey)).toBe(false);
    expect(verifyGatewaySignature({ ...first, gateway_signature: second.gateway_signature }, publicKey)).toBe(false);
    expect(verifyGatewaySignature({ ...first, gateway_signature: { ...first.gateway_signature, path: first.gateway_signature.path.slice(1) } }, publicKey)).toBe(false);
    const flipped = first.gateway_signature.path.map((step, i) => (i ? step : `${step[0] === 'L' ? 'R' : 'L'}${step.slice(1)}`));
    expect(verifyGatewaySignature({ ...first, gateway_signature: { ...first.gateway_signature, path: flipped } }, publicKey)).toBe(false);
    expect(verifyGatewaySignature({ ...first, gateway_signature: { ...first.gateway_signature, path: ['Rnot-a-hash'] } }, publicKey)).toBe(false);
    expect(verifyGatewaySignature(first, other.publicKey)).toBe(false);
    const { gateway_signature: _dropped, ...unsigned } = first;
    expect(verifyGatewaySignature(unsigned, publicKey)).toBe(false);
  });
});
