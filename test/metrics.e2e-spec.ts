import { Controller, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Registry } from 'prom-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, createMasMetrics, MasConnection, MasKeys, MasMetrics } from '@mas/core';
import { AgentRef, MasAgent, MasAgents, MasModule } from '@mas/core/nest';
import { AgentTracker, Probes, QuietLogger, redisUrlFor, uniqueId, waitFor } from './support/e2e-helpers';

/** The library's Prometheus metrics, scraped from the registry as a Prometheus server would. */
const SPEC = 'metrics';
const redisUrl = redisUrlFor(4);

/** The value of one series in a scrape (0 when absent). */
async function valueOf(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const text = await registry.metrics();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split('} ')[0];
    if (wanted.every((pair) => labelText.includes(pair))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

let release: () => void = () => undefined;
/** Handlers of `calc.hold` started so far. */
let held = 0;

class Worker extends Agent {
  @AgentHandler('calc.add')
  add(input: { a: number; b: number }) {
    return { sum: input.a + input.b };
  }

  @AgentHandler('calc.fail')
  fail(): never {
    throw new Error('refused');
  }

  @AgentHandler('calc.hold')
  hold() {
    held += 1;
    return new Promise<{ ok: boolean }>((resolve) => {
      const previous = release;
      release = () => {
        previous();
        resolve({ ok: true });
      };
    });
  }
}

describe('metrics of standalone agents (createMasMetrics)', () => {
  const agents = new AgentTracker();
  const probes = new Probes();
  afterEach(async () => {
    release();
    await agents.stopAll();
  });
  afterAll(() => probes.closeAll());

  it('counters and histograms move as messages flow, by agent and message type', async () => {
    const registry = new Registry();
    const metrics = createMasMetrics({ registry });
    const b = await agents.start(new Worker(uniqueId(SPEC, 'b'), { redisUrl, metrics, logger: new QuietLogger() }));
    const a = await agents.start(new Agent(uniqueId(SPEC, 'a'), { redisUrl, metrics, logger: new QuietLogger() }));
    expect(await valueOf(registry, 'mas_messages_sent_total', { agent: a.id, type: 'calc.add' })).toBe(0);

    for (let i = 0; i < 5; i += 1) await a.request(b.id, 'calc.add', { a: i, b: 1 }, { timeout: 5_000 });
    await expect(a.request(b.id, 'calc.fail', {}, { timeout: 5_000 })).rejects.toThrow(/refused/);
    await waitFor(async () => (await valueOf(registry, 'mas_messages_failed_total', { agent: b.id, type: 'calc.fail' })) === 1);

    expect(await valueOf(registry, 'mas_messages_sent_total', { agent: a.id, type: 'calc.add' })).toBe(5);
    expect(await valueOf(registry, 'mas_messages_received_total', { agent: b.id, type: 'calc.add' })).toBe(5);
    expect(await valueOf(registry, 'mas_messages_handled_total', { agent: b.id, type: 'calc.add' })).toBe(5);
    expect(await valueOf(registry, 'mas_messages_sent_total', { agent: b.id, type: 'calc.add.reply' })).toBe(5);
    expect(await valueOf(registry, 'mas_messages_received_total', { agent: a.id, type: 'calc.add.reply' })).toBe(5);
    expect(await valueOf(registry, 'mas_handler_duration_seconds_count', { agent: b.id, type: 'calc.add' })).toBe(5);
    expect(await valueOf(registry, 'mas_request_duration_seconds_count', { agent: a.id, type: 'calc.add' })).toBe(5);
    expect(await valueOf(registry, 'mas_request_duration_seconds_count', { agent: a.id, type: 'calc.fail' })).toBe(1);
    expect(await valueOf(registry, 'mas_messages_handled_total', { agent: b.id, type: 'calc.fail' })).toBe(0);

    // A request waiting for its reply is pending; once answered it is not.
    const before = held;
    const waiting = a.request(b.id, 'calc.hold', {}, { timeout: 5_000 });
    await waitFor(async () => (await valueOf(registry, 'mas_pending_requests', { agent: a.id })) === 1);
    await waitFor(() => held > before, 5_000, 'the handler started');
    release();
    await waiting;
    expect(await valueOf(registry, 'mas_pending_requests', { agent: a.id })).toBe(0);

    // Malformed envelopes are counted by agent.
    await probes.client(redisUrl).publish(MasKeys.agentChannel(b.id), '{ not json');
    await waitFor(async () => (await valueOf(registry, 'mas_messages_malformed_total', { agent: b.id })) === 1);
    // An envelope over b's maxMessageBytes (1 MiB by default) is dropped and counted as oversized.
    const huge = JSON.stringify({ sender_id: a.id, target_id: b.id, message_type: 'calc.add', data: { pad: 'x'.repeat(1_100_000) }, meta: {}, message_id: 'm-huge' });
    await probes.client(redisUrl).publish(MasKeys.agentChannel(b.id), huge);
    await waitFor(async () => (await valueOf(registry, 'mas_messages_oversized_total', { agent: b.id })) === 1);
    expect(await valueOf(registry, 'mas_messages_received_total', { agent: b.id, type: 'calc.add' })).toBe(5);

    // A stopped agent is no longer reported by its gauges.
    await b.stop();
    expect(await registry.metrics()).not.toMatch(new RegExp(`mas_messages_malformed_total\\{agent="${b.id}"`));
  });

  it('a reliable inbox reports its lag and pending entries; reconnects are counted', async () => {
    const registry = new Registry();
    const metrics = createMasMetrics({ registry });
    const connection = new MasConnection({ redisUrl });
    const b = await agents.start(new Worker(uniqueId(SPEC, 'inbox'), { redisUrl, metrics, connection, delivery: 'reliable', inbox: { maxInFlight: 1, blockMs: 100 }, logger: new QuietLogger() }));
    const a = await agents.start(new Agent(uniqueId(SPEC, 'sender'), { redisUrl, logger: new QuietLogger() }));
    try {
      for (let i = 0; i < 4; i += 1) await a.send(b.id, 'calc.hold', { i }, { reliable: true });
      // One entry is being handled (read, not acked); the other three wait unread.
      await waitFor(async () => (await valueOf(registry, 'mas_inbox_pending', { agent: b.id })) === 1, 5_000, 'one pending entry');
      expect(await valueOf(registry, 'mas_inbox_lag', { agent: b.id })).toBe(3);
      // Let each held handler finish as it starts (one at a time: maxInFlight 1).
      await waitFor(
        async () => {
          release();
          return (await valueOf(registry, 'mas_messages_handled_total', { agent: b.id, type: 'calc.hold' })) === 4;
        },
        15_000,
        'four handled',
        50,
      );
      await waitFor(async () => (await valueOf(registry, 'mas_inbox_pending', { agent: b.id })) === 0);
      expect(await valueOf(registry, 'mas_inbox_lag', { agent: b.id })).toBe(0);

      // The agent's connection drops and comes back: one reconnect.
      connection.command.disconnect(true);
      await waitFor(async () => (await valueOf(registry, 'mas_redis_reconnects_total', { agent: b.id })) === 1, 10_000, 'a reconnect counted');
    } finally {
      await b.stop();
      await connection.close();
    }
  });

  it('caps the distinct message types labelled (the rest is "_other")', async () => {
    const registry = new Registry();
    const metrics = createMasMetrics({ registry, maxMessageTypes: 2 });
    const a = await agents.start(new Agent(uniqueId(SPEC, 'types'), { redisUrl, metrics, logger: new QuietLogger() }));
    for (let i = 0; i < 5; i += 1) await a.send(uniqueId(SPEC, 'nobody'), `type.${i}`, {});
    expect(await valueOf(registry, 'mas_messages_sent_total', { agent: a.id, type: 'type.0' })).toBe(1);
    expect(await valueOf(registry, 'mas_messages_sent_total', { agent: a.id, type: 'type.1' })).toBe(1);
    expect(await valueOf(registry, 'mas_messages_sent_total', { agent: a.id, type: '_other' })).toBe(3);
    expect((await registry.metrics()).match(/^mas_messages_sent_total\{/gm)).toHaveLength(3);
  });
});

@MasAgent({ id: `${SPEC}-nest-calc` })
class NestCalculator {
  @AgentHandler('calc.add')
  add(input: { a: number; b: number }) {
    return { sum: input.a + input.b };
  }
}

@MasAgent({ id: `${SPEC}-nest-client` })
class NestClient {
  @AgentRef() agent!: Agent;
}

@Controller()
class NoRoutes {}

describe('metrics of a Nest app (MasModule.forRoot({ metrics: true }))', () => {
  it('provides MasMetrics, and every agent of the app reports into its registry', async () => {
    @Module({ imports: [MasModule.forRoot({ redisUrl, metrics: true, logger: new QuietLogger() })], providers: [NestCalculator, NestClient], controllers: [NoRoutes] })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const metrics = app.get(MasMetrics);
      expect(metrics).toBeInstanceOf(MasMetrics);
      const client = app.get(MasAgents).get(`${SPEC}-nest-client`);
      await client.request(`${SPEC}-nest-calc`, 'calc.add', { a: 1, b: 2 }, { timeout: 5_000 });
      expect(await valueOf(metrics.registry, 'mas_messages_handled_total', { agent: `${SPEC}-nest-calc`, type: 'calc.add' })).toBe(1);
      expect(await valueOf(metrics.registry, 'mas_messages_sent_total', { agent: `${SPEC}-nest-client`, type: 'calc.add' })).toBe(1);
    } finally {
      await app.close();
    }
  });
});
