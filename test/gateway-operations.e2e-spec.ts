import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentMessage, createMessage, encodeMessage, GatewayRejectedError, MasKeys, MessagePriority } from '@mas/core';
import { PriorityQueues } from '../apps/gateway/src/routing/priority-queues';
import { DeliveryDispatcher } from '../apps/gateway/src/routing/delivery-dispatcher';
import { resetGatewayKeys, startGateway, TestGateway } from './gateway/harness';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';
import { AgentTracker, Probes, QuietLogger, sleep, uniqueId, waitFor } from './support/e2e-helpers';

// The gateway owns fixed key names (audit:messages, dlq:messages, the ingress stream) and its
// agents open connections: it gets a redis-server of its own so no other spec sees either.
let privateRedis: PrivateRedis;
let redisUrl: string;
const SPEC = 'gwops';
const API_KEY = 'ops-secret';

const agents = new AgentTracker();
const probes = new Probes();
let gateway: TestGateway;
let redis: ReturnType<Probes['client']>;

async function gatewayAgent(label: string, id = uniqueId(SPEC, label)) {
  const received: AgentMessage[] = [];
  const agent = new Agent(id, {
    redisUrl,
    gateway: { decisionTimeoutMs: 5_000 },
    logger: new QuietLogger(),
    onMessage: (message) => void received.push(message),
  });
  await agents.start(agent);
  return { agent, received };
}

/** GET/POST on the gateway's HTTP API with the API key; resolves with the parsed body. */
async function api<T = any>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T; text: string; type: string; headers: Headers }> {
  const response = await fetch(`${gateway.url}${path}`, { ...init, headers: { 'x-api-key': API_KEY, ...init.headers } });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // text body (CSV, metrics)
  }
  return { status: response.status, body: body as T, text, type: response.headers.get('content-type') ?? '', headers: response.headers };
}

/** A target that is registered and ACTIVE but runs nowhere: its inbox stream shows exactly what was delivered. */
async function registeredTarget(label: string): Promise<string> {
  const id = uniqueId(SPEC, label);
  await redis.hset(MasKeys.agent(id), 'id', id, 'status', 'ACTIVE', 'capabilities', '[]', 'metadata', '{}', 'registered_at', '0');
  return id;
}

async function inbox(target: string): Promise<AgentMessage['data'][]> {
  const entries = (await redis.xrange(MasKeys.inbox(target), '-', '+')) as Array<[string, string[]]>;
  return entries.map(([, fields]) => JSON.parse(fields[1]) as Record<string, unknown>);
}

/** Rewrites the audit stream with the same entry ids (what someone with write access to Redis could do). */
async function rewriteAudit(edit: (entries: Array<[string, string[]]>) => Array<[string, string[]]>): Promise<Array<[string, string[]]>> {
  const original = (await redis.xrange(MasKeys.audit, '-', '+')) as Array<[string, string[]]>;
  const rewritten = edit(original.map(([id, fields]) => [id, [...fields]]));
  const multi = redis.multi().del(MasKeys.audit);
  for (const [id, fields] of rewritten) multi.xadd(MasKeys.audit, id, ...fields);
  await multi.exec();
  return original;
}

beforeAll(async () => {
  privateRedis = await startPrivateRedis(14);
  redisUrl = privateRedis.url;
  redis = probes.client(redisUrl);
  await resetGatewayKeys(redis);
  gateway = await startGateway(
    redisUrl,
    {
      http: { apiKey: API_KEY },
      circuitBreaker: { failureThreshold: 3, successThreshold: 2, openTimeoutMs: 400 },
      priorityQueue: { weights: { critical: 3, high: 2, normal: 2, low: 1, bulk: 1 } },
    },
    true,
  );
});

afterEach(() => agents.stopAll());

afterAll(async () => {
  await gateway.app.close();
  await probes.closeAll();
  await privateRedis?.stop();
});

describe('gateway routing', () => {
  it('drains a backlog by weighted round robin: CRITICAL first, and no level starves', async () => {
    const target = await registeredTarget('wrr');
    const levels: MessagePriority[] = ['BULK', 'LOW', 'NORMAL', 'HIGH', 'CRITICAL'];
    const backlog = levels.flatMap((priority) =>
      Array.from({ length: 4 }, (_, i) => {
        const message = createMessage({ senderId: 'backlog', targetId: target, messageType: 'm', data: { priority, i }, priority });
        return { envelope: encodeMessage(message), target, sender: 'backlog', messageId: message.messageId, priority, expiresAt: Date.now() + 60_000 };
      }),
    );
    await gateway.app.get(PriorityQueues).enqueue(...backlog); // one atomic write; the sweep drains it
    const delivered = await waitFor(async () => ((await inbox(target)).length === 20 ? inbox(target) : undefined), 5_000, 'the backlog');
    const order = delivered.map((d) => (d.data as { priority: string }).priority[0]).join('');
    // weights 3/2/2/1/1 per round: CCCHHNNLB, CHHNNLB, LB, LB
    expect(order).toBe('CCCHHNNLB' + 'CHHNNLB' + 'LB' + 'LB');
    expect(delivered.filter((d) => (d.data as { priority: string }).priority === 'BULK').map((d) => (d.data as { i: number }).i)).toEqual([0, 1, 2, 3]);
  });

  it('queues references to messages written once: drained, nothing is left behind; a member an earlier version queued whole is delivered; a reference without a readable message is logged and removed', async () => {
    const target = await registeredTarget('refs');
    const queued = (i: number, priority: MessagePriority = 'NORMAL') => {
      const message = createMessage({ senderId: 'refs', targetId: target, messageType: 'm', data: { i }, priority });
      return { envelope: encodeMessage(message), target, sender: 'refs', messageId: message.messageId, priority, expiresAt: Date.now() + 60_000 };
    };
    const queues = gateway.app.get(PriorityQueues);
    const bodies = `priority_queue:${target}:bodies`;
    // Right after a sweep (every 1 s here), so that no drain runs until the queues have been looked at.
    const dispatcher = gateway.app.get(DeliveryDispatcher);
    const swept = dispatcher.lastSweepAt;
    await waitFor(() => (dispatcher.lastSweepAt > swept ? true : undefined), 3_000, 'a sweep');
    // Written as a gateway before references queued it (the whole message as the member), and a reference someone deleted the message of.
    await redis.zadd(`priority_queue:${target}:LOW`, Date.now(), JSON.stringify(queued(0, 'LOW')));
    await redis.zadd(`priority_queue:${target}:LOW`, Date.now(), '0000000000orphan');
    // And one whose message someone overwrote with junk: not taken again on every round.
    await redis.hset(bodies, '0000000000corrupt', '{"target": nonsense\n');
    await redis.zadd(`priority_queue:${target}:LOW`, Date.now(), '0000000000corrupt');
    await queues.enqueue(queued(1), queued(2), queued(3));
    const members = await redis.zrange(`priority_queue:${target}:NORMAL`, 0, -1);
    expect(members.map((m) => m.length)).toEqual([18, 18, 18]); // references, not messages
    // In the queue's order (one score: queued in one millisecond) they are in the order queued.
    const held = (await redis.hmget(bodies, ...members)) as string[];
    expect(held.map((body) => (JSON.parse(body.slice(body.indexOf('\n') + 1)) as { data: { i: number } }).data.i)).toEqual([1, 2, 3]);

    const delivered = await waitFor(async () => ((await inbox(target)).length === 4 ? inbox(target) : undefined), 5_000, 'the four messages');
    expect(delivered.map((d) => (d.data as { i: number }).i).sort()).toEqual([0, 1, 2, 3]);
    await waitFor(async () => ((await redis.exists(bodies, `priority_queue:${target}:LOW`, `priority_queue:${target}:NORMAL`)) === 0 ? true : undefined), 5_000, 'the queues and bodies gone');
  });

  it('dead-letters a message whose time to live ran out before delivery', async () => {
    const target = await registeredTarget('ttl');
    const message = createMessage({ senderId: 'slow', targetId: target, messageType: 'stale', priority: 'LOW' });
    await gateway.app.get(PriorityQueues).enqueue({
      envelope: encodeMessage(message), target, sender: 'slow', messageId: message.messageId, priority: 'LOW', expiresAt: Date.now() - 1,
    });
    const { body } = await waitFor(async () => {
      const listed = await api(`/dlq?agent=${target}`);
      return listed.body.length ? listed : undefined;
    }, 5_000, 'the dead letter');
    expect(body).toMatchObject([{ agentId: target, messageId: message.messageId, source: 'mas.gateway', reason: expect.stringMatching(/^expired/) }]);
    expect(await inbox(target)).toEqual([]);
  });

  it('opens the circuit after N delivery failures, refuses with CIRCUIT_OPEN, and replays the DLQ once the target recovers', async () => {
    const { agent: alice } = await gatewayAgent('cb-sender');
    const { agent: target, received } = await gatewayAgent('cb-target');
    // The target's inbox cannot be written (a stand-in for e.g. an out-of-memory Redis): XADD fails.
    await redis.multi().del(MasKeys.inbox(target.id)).set(MasKeys.inbox(target.id), 'not a stream').exec();
    for (let i = 0; i < 3; i += 1) await alice.send(target.id, 'n', { i }); // admitted; delivery then fails
    await waitFor(async () => (await api(`/dlq?agent=${target.id}`)).body.length === 3, 5_000, 'three failed deliveries');
    const refused = await alice.send(target.id, 'n', { i: 3 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GatewayRejectedError);
    expect(refused).toMatchObject({ decision: 'CIRCUIT_OPEN' });
    const { body: letters } = await api(`/dlq?agent=${target.id}`);
    expect(letters.map((l: { reason: string }) => l.reason.split(':')[0])).toEqual(['delivery_failed', 'delivery_failed', 'delivery_failed', 'circuit_open']);
    expect((await api('/metrics')).text).toContain(`gateway_circuit_state{target="${target.id}"} 2`);

    await redis.del(MasKeys.inbox(target.id)); // repaired
    await sleep(450); // openTimeoutMs: 400 → HALF_OPEN
    const { status, body: replayed } = await api(`/dlq/replay?agent=${target.id}`, { method: 'POST' });
    expect(status).toBe(200);
    expect(replayed.map((r: { delivered: boolean }) => r.delivered)).toEqual([true, true, true, true]);
    await waitFor(() => received.length === 4, 5_000, 'the replayed messages');
    expect(received.map((m) => m.data.i).sort()).toEqual([0, 1, 2, 3]);
    expect((await api(`/dlq?agent=${target.id}`)).body).toEqual([]);
    expect((await api('/metrics')).text).toContain(`gateway_circuit_state{target="${target.id}"} 0`);
  });
});

describe('gateway audit trail', () => {
  it('answers queries by sender, decision, violation and time range, and exports CSV and JSON', async () => {
    const { agent: alice } = await gatewayAgent('auditee');
    const { agent: bob } = await gatewayAgent('audit-target');
    await alice.send(bob.id, 'ok', { contact: 'ann@example.com' });
    await alice.send(bob.id, 'leak', { key: 'AKIA2E0A8F3B244C9986' }).catch(() => undefined);
    const all = (await api(`/audit?sender=${alice.id}&order=oldest`)).body;
    expect(all.map((e: { decision: string }) => e.decision)).toEqual(['ALLOWED', 'DLP_BLOCKED']);
    // Newest first by default, a page at a time: x-next-cursor is the cursor of the next page.
    const first = await api(`/audit?sender=${alice.id}&limit=1`);
    expect(first.body.map((e: { decision: string }) => e.decision)).toEqual(['DLP_BLOCKED']);
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toMatch(/^\d+-\d+$/);
    const second = await api(`/audit?sender=${alice.id}&limit=1&cursor=${cursor}`);
    expect(second.body.map((e: { decision: string }) => e.decision)).toEqual(['ALLOWED']);
    expect(all[0].findings).toEqual(['email:ALERT@data.contact']);
    expect((await api(`/audit?sender=${alice.id}&decision=DLP_BLOCKED`)).body).toHaveLength(1);
    expect((await api(`/audit?target=${bob.id}&violation=dlp`)).body).toHaveLength(2);
    expect((await api(`/audit?target=${bob.id}&violation=dlp:aws_access_key`)).body).toHaveLength(1);
    expect((await api(`/audit?sender=${alice.id}&from=${Date.now() + 60_000}`)).body).toEqual([]);
    expect((await api(`/audit?sender=${alice.id}&to=${new Date(all[0].ts).toISOString()}`)).body).toHaveLength(1);
    expect((await api('/audit?decision=MAYBE')).status).toBe(400);
    expect((await fetch(`${gateway.url}/audit`)).status).toBe(401); // no API key
    const events = (await redis.xrange(MasKeys.securityEvents, '-', '+')) as Array<[string, string[]]>;
    const mine = events.map(([, f]) => f).filter((f) => f[f.indexOf('sender_id') + 1] === alice.id);
    expect(mine.map((f) => [f[f.indexOf('decision') + 1], f[f.indexOf('audit_id') + 1]])).toEqual(all.map((e: { decision: string; id: string }) => [e.decision, e.id]));

    const csv = await api(`/audit/export?format=csv&sender=${alice.id}`);
    expect(csv.type).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,seq,ts,stage,decision,reason,message_id,sender_id,target_id,message_type,priority,violations,findings,latency_ms,instance,prev_hash,hash,claimed_sender');
    expect(lines).toHaveLength(3);
    const json = await api(`/audit/export?format=json&sender=${alice.id}`);
    expect(json.body.map((e: { hash: string }) => e.hash)).toEqual(all.map((e: { hash: string }) => e.hash));
  });

  it('verify finds an edited, a deleted and a reordered entry and names it', async () => {
    expect((await api('/audit/verify')).body).toMatchObject({ ok: true, problems: [] });
    const entries = (await redis.xrange(MasKeys.audit, '-', '+')) as Array<[string, string[]]>;
    expect(entries.length).toBeGreaterThan(6);
    const [id3, fields3] = entries[2];
    const seqOf = (fields: string[]) => Number(fields[fields.indexOf('seq') + 1]);

    // Edited: the decision of one entry changed from what it was.
    const original = await rewriteAudit((list) => {
      const fields = list[2][1];
      fields[fields.indexOf('decision') + 1] = fields[fields.indexOf('decision') + 1] === 'ALLOWED' ? 'AUTHZ_DENIED' : 'ALLOWED';
      return list;
    });
    let report = (await api('/audit/verify')).body;
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'edited', id: id3, seq: seqOf(fields3) })]);

    // Deleted: one entry gone.
    await rewriteAudit(() => original.filter(([id]) => id !== id3));
    report = (await api('/audit/verify')).body;
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'deleted', seq: seqOf(fields3), id: entries[3][0] })]);

    // Reordered: two entries' contents swapped, ids kept.
    await rewriteAudit(() => original.map(([id, fields], i) => [id, i === 2 ? original[3][1] : i === 3 ? original[2][1] : fields]));
    report = (await api('/audit/verify')).body;
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'reordered', seq: seqOf(fields3), id: entries[3][0] })]);

    await rewriteAudit(() => original);
    expect((await api('/audit/verify')).body).toMatchObject({ ok: true, checked: original.length });
  });
});

describe('gateway observability', () => {
  it('/health reports Redis and both loops; /metrics counts decisions, auth failures, findings, queue depth', async () => {
    const health = await api('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { redis: { status: 'up' }, ingress: { status: 'up' }, delivery: { status: 'up' } } });
    const { agent: stranger } = await gatewayAgent('stranger');
    await redis.set(MasKeys.agentToken(stranger.id), 'rotated');
    await stranger.send('anyone', 'x', {}).catch(() => undefined);
    const metrics = (await api('/metrics')).text;
    expect(metrics).toMatch(/gateway_messages_total\{decision="ALLOWED"\} \d+/);
    expect(metrics).toMatch(/gateway_messages_total\{decision="DLP_BLOCKED"\} [1-9]/);
    expect(metrics).toMatch(/gateway_auth_failures_total\{reason="invalid_token"\} 1/);
    expect(metrics).toMatch(/gateway_dlp_findings_total\{type="aws_access_key",action="BLOCK"\} 1/);
    expect(metrics).toMatch(/gateway_decision_duration_seconds_bucket\{le="0.05",decision="ALLOWED"\} \d+/);
    expect(metrics).toMatch(/gateway_queue_depth\{priority="BULK"\} 0/);
    expect(metrics).toMatch(/gateway_deliveries_total\{outcome="delivered"\} \d+/);
  });
});
