import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMessage, encodeMessage, MasKeys } from '@mas/core';
import { resetGatewayKeys, startGateway, TestGateway } from './gateway/harness';
import { callApi, gatewayAgentFactory, inboxEnvelopes } from './gateway/spec-helpers';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';
import { AgentTracker, Probes, uniqueId, waitFor } from './support/e2e-helpers';

// Issue 12: the admin HTTP API with its default configuration, and DLQ replay.
let privateRedis: PrivateRedis;
let unconfigured: TestGateway; // no key configured: one is generated
let keyed: TestGateway;
const KEY = 'replay-admin';
const agents = new AgentTracker();
const probes = new Probes();
let redis: ReturnType<Probes['client']>;
const gatewayAgent = gatewayAgentFactory('gwadm', () => privateRedis.url, agents);

beforeAll(async () => {
  privateRedis = await startPrivateRedis(15);
  redis = probes.client(privateRedis.url);
  await resetGatewayKeys(redis);
  [unconfigured, keyed] = await Promise.all([startGateway(privateRedis.url, {}, true), startGateway(privateRedis.url, { http: { apiKey: KEY } }, true)]);
});

afterEach(() => agents.stopAll());

afterAll(async () => {
  await Promise.all([unconfigured?.app.close(), keyed?.app.close()]);
  await probes.closeAll();
  await privateRedis?.stop();
});

describe('admin HTTP API', () => {
  it('with the default configuration every route but /health answers 401 without the key', async () => {
    const routes: Array<[string, string]> = [
      ['GET', '/audit'], ['GET', '/audit/verify'], ['GET', '/audit/export?format=csv'], ['GET', '/dlq'], ['GET', '/metrics'],
      ['POST', '/dlq/replay'], ['POST', '/dlq/1-0/replay'],
    ];
    for (const [method, path] of routes) {
      expect((await callApi(unconfigured.url, path, undefined, { method })).status, `${method} ${path}`).toBe(401);
      expect((await callApi(unconfigured.url, path, 'a guess', { method })).status, `${method} ${path} with a wrong key`).toBe(401);
    }
    expect((await callApi(unconfigured.url, '/health', undefined)).status).toBe(200);
  });

  it('a cross-site POST gets no CORS grant and is refused; the key only counts as a header', async () => {
    const preflight = await fetch(`${keyed.url}/dlq/replay`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-api-key' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const form = await callApi(keyed.url, '/dlq/replay', undefined, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `x-api-key=${KEY}`,
    });
    expect(form.status).toBe(401);
    expect((await callApi(keyed.url, `/audit?x-api-key=${KEY}`, undefined)).status).toBe(401);
    expect((await callApi(keyed.url, '/audit', KEY)).status).toBe(200);
    expect((await callApi(keyed.url, '/dlq/replay', KEY, { method: 'GET' })).status).toBe(404); // state changes are POST only
  });

  it('serves its OpenAPI description at /docs', async () => {
    expect((await callApi(keyed.url, '/docs', undefined)).text).toContain('swagger');
    const document = (await callApi(keyed.url, '/docs-json', undefined)).body;
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/audit', '/audit/verify', '/dlq', '/dlq/replay', '/dlq/{id}/replay']));
    expect(document.components.securitySchemes['x-api-key']).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-api-key' });
  });
});

describe('DLQ replay', () => {
  it('a dead letter planted in dlq:messages (card number, sender "admin") is refused and delivers nothing', async () => {
    const target = await gatewayAgent('planted-target');
    const message = createMessage({ senderId: 'admin', targetId: target.agent.id, messageType: 'pay', data: { card: '4111 1111 1111 1111' } });
    const id = await redis.xadd(
      MasKeys.deadLetters, '*', 'envelope', encodeMessage(message), 'agent_id', target.agent.id, 'reason', 'delivery_failed: x',
      'attempts', '1', 'failed_at', '0', 'source', 'mas.gateway', 'entry_id', '', 'sender_id', 'admin', 'message_id', message.messageId,
    );
    const { status, body } = await callApi(keyed.url, `/dlq/${id}/replay`, KEY, { method: 'POST' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ delivered: false, reason: expect.stringMatching(/signed/) });
    const replays = (await callApi(keyed.url, `/audit?target=${target.agent.id}`, KEY)).body as Array<{ decision: string }>;
    expect(replays.filter((e) => e.decision === 'ALLOWED')).toEqual([]);
    expect(await inboxEnvelopes(redis, target.agent.id)).toEqual([]);
    expect((await callApi(keyed.url, `/dlq?agent=${target.agent.id}`, KEY)).body).toHaveLength(1); // it stays
  });

  it('a real letter is re-checked as its sender: refused when its payload now breaks a DLP rule, delivered otherwise', async () => {
    const { agent: alice } = await gatewayAgent('replay-sender');
    const target = uniqueId('gwadm', 'replay-target');
    await redis.hset(MasKeys.agent(target), 'id', target, 'status', 'ACTIVE', 'capabilities', '[]', 'metadata', '{}', 'registered_at', '0');
    await redis.set(MasKeys.inbox(target), 'not a stream'); // delivery fails: the gateway dead-letters the message
    await alice.send(target, 'contact', { note: 'write to ann@example.com' }); // email: ALERT, admitted
    const [letter] = await waitFor(async () => {
      const listed = (await callApi(keyed.url, `/dlq?agent=${target}`, KEY)).body as Array<{ id: string }>;
      return listed.length ? listed : undefined;
    }, 5_000, 'the dead letter');
    await redis.del(MasKeys.inbox(target));
    const strict = await startGateway(privateRedis.url, { http: { apiKey: KEY }, dlp: { actions: { email: 'BLOCK' } } }, true);
    try {
      const refused = await callApi(strict.url, `/dlq/${letter.id}/replay`, KEY, { method: 'POST' });
      expect(refused.body).toMatchObject({ delivered: false, decision: 'DLP_BLOCKED' });
    } finally {
      await strict.app.close();
    }
    await redis.sadd(MasKeys.revokedTokens(alice.id), alice.registrationToken!);
    expect((await callApi(keyed.url, `/dlq/${letter.id}/replay`, KEY, { method: 'POST' })).body).toMatchObject({ delivered: false, decision: 'AUTH_FAILED' });
    await redis.del(MasKeys.revokedTokens(alice.id));
    expect((await callApi(keyed.url, `/dlq/${letter.id}/replay`, KEY, { method: 'POST' })).body).toMatchObject({ delivered: true, decision: 'ALLOWED' });
    const [delivered] = await waitFor(async () => {
      const inbox = await inboxEnvelopes(redis, target);
      return inbox.length ? inbox : undefined;
    }, 5_000, 'the replayed message');
    expect(delivered).toMatchObject({ sender_id: alice.id, data: { note: 'write to ann@example.com' } });
    const audited = (await callApi(keyed.url, `/audit?sender=${alice.id}`, KEY)).body as Array<{ stage: string; decision: string }>;
    expect(audited.filter((e) => e.stage === 'replay').map((e) => e.decision)).toEqual(['ALLOWED', 'DLP_BLOCKED']);
  });
});
