import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasKeySpace } from '../redis/keys';
import { canonicalJson } from './canonical-envelope';
import { gatewayBatchSignatures, gatewayKeyId, gatewaySignedText, gatewaySignedTextOf, withGatewaySignature } from './gateway-signature';
import { GatewayTrust } from './gateway-trust';

// A real Redis (REDIS_URL), the gateway key published under a namespace of this spec's own.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const names = new MasKeySpace({ namespace: `spec-trust-${randomUUID().slice(0, 8)}` });
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keyId = gatewayKeyId(publicKey);
let redis: Redis;

/** Wire forms of `records` as the gateway writes them: canonical text, block appended. */
function wireBatch(records: Array<Record<string, unknown>>): string[] {
  const texts = records.map((record) => gatewaySignedText(record));
  const blocks = gatewayBatchSignatures(
    texts.map(({ digest }) => digest),
    privateKey,
    keyId,
  );
  return texts.map(({ text }, i) => withGatewaySignature(text, blocks[i]));
}

const delivery = (i: number, data: unknown = { n: i }) => ({ sender_id: 'a', target_id: 'b', message_type: 't', data, message_id: `m${i}` });

beforeAll(async () => {
  redis = new Redis(redisUrl, { connectionName: 'mas-spec-gateway-trust' });
  await redis.hset(names.gatewayPublicKeys, keyId, publicKey.export({ type: 'spki', format: 'pem' }).toString());
});

afterAll(async () => {
  await redis?.del(names.gatewayPublicKeys);
  redis?.disconnect();
});

describe('GatewayTrust on the bytes received', () => {
  it('reads back the signed text of every wire form, the empty record and one whose data names the field included', () => {
    for (const record of [{}, delivery(1), delivery(2, { gateway_signature: 'x', text: ',"gateway_signature":{' })]) {
      const [raw] = wireBatch([record]);
      expect(gatewaySignedTextOf(raw)).toBe(canonicalJson(record));
    }
    expect(gatewaySignedTextOf('{"a":1}')).toBeUndefined();
  });

  it('verifies every record of a batch from its raw text, and refuses one whose bytes were changed', async () => {
    const trust = new GatewayTrust(redis, names);
    const raws = wireBatch(Array.from({ length: 9 }, (_, i) => delivery(i)));
    for (const raw of raws) expect(await trust.verify(JSON.parse(raw), raw)).toBe(true);
    const tampered = raws[3].replace('"n":3', '"n":4');
    expect(await trust.verify(JSON.parse(tampered), tampered)).toBe(false);
    // A member appended after the block moves the cut into the block: a text never signed.
    const appended = `${raws[4].slice(0, -1)},"gateway_signature":${JSON.stringify(JSON.parse(raws[4]).gateway_signature)},"data":{"n":99}}`;
    expect(await new GatewayTrust(redis, names).verify(JSON.parse(appended), appended)).toBe(false);
  });

  it('a signed record written out in another key order still verifies (from its canonical form)', async () => {
    const [raw] = wireBatch([delivery(7)]);
    const { gateway_signature: block, ...rest } = JSON.parse(raw) as Record<string, unknown>;
    const reordered = JSON.stringify({ gateway_signature: block, ...Object.fromEntries(Object.entries(rest).reverse()) });
    expect(await new GatewayTrust(redis, names).verify(JSON.parse(reordered), reordered)).toBe(true);
  });

  it('verifies the records of interleaved batches in any order, each root checked once; a batch a foreign key signed under the published id is refused', async () => {
    const trust = new GatewayTrust(redis, names);
    const batches = [0, 1, 2].map((b) => wireBatch(Array.from({ length: 13 }, (_, i) => delivery(100 * b + i))));
    const order = batches.flatMap((raws, b) => raws.map((raw, i) => ({ raw, rank: (i * 7 + b * 5) % 13 }))).sort((x, y) => x.rank - y.rank);
    for (const { raw } of order) expect(await trust.verify(JSON.parse(raw), raw)).toBe(true);
    const foreign = generateKeyPairSync('ed25519').privateKey;
    const texts = Array.from({ length: 13 }, (_, i) => gatewaySignedText(delivery(1_000 + i)));
    const blocks = gatewayBatchSignatures(
      texts.map(({ digest }) => digest),
      foreign,
      keyId,
    );
    for (const [i, { text }] of texts.entries()) {
      const raw = withGatewaySignature(text, blocks[i]);
      expect(await trust.verify(JSON.parse(raw), raw)).toBe(false);
    }
  });
});
