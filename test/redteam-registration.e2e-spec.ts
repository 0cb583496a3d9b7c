import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMessage, decodeCredentials, encodeEntrySignature, GATEWAY_SENDER_ID, MasKeys, ProvisionedAgent, REGISTER_REQUEST_TYPE, signEnvelopeText } from '@mas/core';
import { waitFor } from './support/e2e-helpers';
import { ZeroTrustWorld } from './support/zero-trust';

// Red team: signed `mas.register` requests go to the gateway's registration handler, not through the
// pipeline's guards, so they skipped the rate limit: 400 from mallory in one pipeline recorded 400
// replicas (default limit 100/minute). Each request now counts against the sender's limit; the ones
// over it are refused as RATE_LIMITED (and, like every decision, audited).
let world: ZeroTrustWorld;
let mallory: ProvisionedAgent;
const GATEWAY = { zeroTrust: { requireProvisioned: true } };

beforeAll(async () => {
  world = await ZeroTrustWorld.start(11, GATEWAY);
  mallory = await world.provision('mallory', { capabilities: ['chat'] });
}, 30_000);
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

describe('red team: registration requests', () => {
  it("mallory's signed registration requests are held to its rate limit: replicas recorded up to the limit, the rest RATE_LIMITED", async () => {
    const { privateKey } = decodeCredentials(mallory.credentials, mallory.id);
    const attacker = world.client(mallory.redisUrl);
    const total = 400;
    const pipeline = attacker.pipeline();
    for (let i = 0; i < total; i += 1) {
      const request = createMessage({ senderId: mallory.id, targetId: GATEWAY_SENDER_ID, messageType: REGISTER_REQUEST_TYPE, data: { capabilities: ['chat'], replica_id: `r-${i}` } }).toWire();
      const text = JSON.stringify(request); // signed as written, in the entry's own field, as a provisioned agent signs
      const signature = encodeEntrySignature(signEnvelopeText(text, { sender: mallory.id, target: GATEWAY_SENDER_ID }, privateKey));
      pipeline.xadd(MasKeys.agentIngress(mallory.id), '*', 'envelope', text, 'token', '', 'notify', '0', 'signature', signature);
    }
    await pipeline.exec();
    const admin = world.admin.command;
    await waitFor(async () => (await admin.xlen(MasKeys.agentIngress(mallory.id))) === 0, 20_000, 'the requests decided');
    const audited = await admin.xlen(MasKeys.auditBySender(mallory.id));
    const replicas = await admin.type(MasKeys.replicas(mallory.id)).then(async (type) => (type === 'zset' ? admin.zcard(MasKeys.replicas(mallory.id)) : type === 'hash' ? admin.hlen(MasKeys.replicas(mallory.id)) : type === 'set' ? admin.scard(MasKeys.replicas(mallory.id)) : 0));
    const perMinute = 100; // the gateway's default rate limit
    expect(replicas, `replicas recorded of ${total} requests`).toBeLessThanOrEqual(perMinute);
    // The index holds pointers (audit_id) into audit:messages.
    const pointers = (await admin.xrange(MasKeys.auditBySender(mallory.id), '-', '+')).map(([, fields]) => fields[fields.indexOf('audit_id') + 1]);
    const entries = await Promise.all(pointers.map(async (id) => (await admin.xrange(MasKeys.audit, id, id))[0][1]));
    const decisions = entries.map((fields) => fields[fields.indexOf('decision') + 1]);
    expect(decisions.filter((d) => d === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(total - perMinute);
    expect(audited).toBe(total);
  }, 60_000);
});
