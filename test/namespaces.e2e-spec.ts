import { Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { firstValueFrom } from 'rxjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage, DuplicateAgentError, MasKeys, MasKeySpace } from '@mas/core';
import { AgentRef, MasAgent, MasModule } from '@mas/core/nest';
import { MasClient } from '@mas/core/microservices';
import { clearTestNamespace, inTestNamespace, testNamespace } from '@mas/core/testing';
import { AgentTracker, ChannelTap, QuietLogger, rawClient, redisUrlFor, uniqueId } from './support/e2e-helpers';

// Namespaces let apps, test runs and tenants share one Redis: two namespaces on one server (one
// database, so pub/sub is shared too) with the same agent ids never see each other; an app's e2e
// run in its own namespace no longer collides with its dev server.
const redisUrl = redisUrlFor(6);
const logger = new QuietLogger();
const agents = new AgentTracker();
const probe = rawClient(redisUrl);
const other = uniqueId('namespaces', 'tenant');
const saved = { ...process.env };

class Worker extends Agent {
  readonly notes: AgentMessage[] = [];
  @AgentHandler('who')
  who() {
    return { namespace: this.options.namespace ?? 'none' };
  }
  @AgentHandler('note')
  note(_data: unknown, message: AgentMessage) {
    this.notes.push(message);
  }
}

afterEach(async () => {
  await agents.stopAll();
  Object.assign(process.env, saved);
  delete process.env.MAS_NAMESPACE;
});

afterAll(async () => {
  await clearTestNamespace(testNamespace(), redisUrl);
  await clearTestNamespace(other, redisUrl);
  probe.disconnect();
});

describe('two namespaces on one Redis', () => {
  it('hold agents of the same ids that request, send, publish and discover only within their own', async () => {
    const ns = testNamespace('namespaces');
    const capability = uniqueId('namespaces', 'cap');
    const [workerA, workerB] = await Promise.all(
      [ns, other].map((namespace) => agents.start(new Worker('worker', { redisUrl, logger, namespace, capabilities: [capability] }))),
    );
    const [callerA, callerB] = await Promise.all([ns, other].map((namespace) => agents.start(new Agent('caller', { redisUrl, logger, namespace }))));

    expect((await callerA.request('worker', 'who', {}, { timeout: 3000 })).data).toEqual({ namespace: ns });
    expect((await callerB.request('worker', 'who', {}, { timeout: 3000 })).data).toEqual({ namespace: other });

    // pub/sub: one subscriber reached, in the sender's namespace only
    expect(await callerA.send('worker', 'note', { n: 1 })).toBe(1);
    await expect.poll(() => workerA.notes.length).toBe(1);
    expect(workerB.notes).toEqual([]);

    expect((await callerA.discover([capability])).map((record) => record.id)).toEqual(['worker']);
    expect(await probe.exists(new MasKeySpace({ namespace: ns }).agent('worker'), new MasKeySpace({ namespace: other }).agent('worker'))).toBe(2);
    expect(await probe.exists(MasKeys.agent('worker'))).toBe(0); // nothing under the wire names

    // a standalone MasClient takes the option too
    const client = new MasClient({ redisUrl, logger, namespace: other, defaultTarget: 'worker' });
    try {
      expect(await firstValueFrom(client.send('who', {}))).toEqual({ namespace: other });
    } finally {
      await client.close();
    }

    // the ids really are the same: a second "worker" in one namespace is refused
    await expect(new Agent('worker', { redisUrl, logger, namespace: ns }).start()).rejects.toBeInstanceOf(DuplicateAgentError);
  });

  it('keep system events apart: REGISTER of one namespace is published on its own system channel', async () => {
    const tap = await new ChannelTap(redisUrl).subscribe(MasKeys.systemChannel, new MasKeySpace({ namespace: other }).systemChannel);
    try {
      const id = uniqueId('namespaces', 'evented');
      await agents.start(new Agent(id, { redisUrl, logger, namespace: testNamespace() }));
      await agents.start(new Agent(id, { redisUrl, logger, namespace: other }));
      await expect.poll(() => tap.messages.filter((m) => m.json?.agent_id === id).map((m) => m.channel)).toEqual([
        `${other}:mas.system`,
      ]);
    } finally {
      await tap.close();
    }
  });

  it('default to none: MAS_NAMESPACE (or the option) opts in, and the wire names stay for everyone else', async () => {
    const id = uniqueId('namespaces', 'env');
    process.env.MAS_NAMESPACE = other;
    await agents.start(new Worker(id, { redisUrl, logger }));
    expect(await probe.exists(new MasKeySpace({ namespace: other }).agent(id))).toBe(1);
    delete process.env.MAS_NAMESPACE;
    const plain = await agents.start(new Agent(uniqueId('namespaces', 'plain'), { redisUrl, logger }));
    expect(await probe.exists(MasKeys.agent(plain.id))).toBe(1);
  });
});

// The same app module for both runs, as in an app: its agent id is fixed in @MasAgent (unique to
// this spec run only because other spec files share this Redis's pub/sub without a namespace).
const ORDERS = uniqueId('namespaces', 'orders');
let handledBy: string[] = [];
@MasAgent({ id: ORDERS })
class OrdersAgent {
  @AgentRef() agent!: Agent;
  @AgentHandler('order.count')
  count() {
    handledBy.push(this.agent.options.namespace ?? 'dev');
    return { ok: true };
  }
}
@Module({ imports: [MasModule.forRoot({ redisUrl, logger })], providers: [OrdersAgent] })
class AppModule {}

describe('an app e2e run next to its dev server', () => {
  const apps: TestingModule[] = [];
  afterAll(async () => Promise.all(apps.map((app) => app.close())));

  async function boot(namespace?: string): Promise<TestingModule> {
    if (namespace) process.env.MAS_NAMESPACE = namespace;
    try {
      const app = await Test.createTestingModule({ imports: [AppModule] }).compile();
      apps.push(app);
      await app.init();
      return app;
    } finally {
      delete process.env.MAS_NAMESPACE;
    }
  }

  it('collides without a namespace, and runs beside it in testNamespace(), each answering its own requests', async () => {
    handledBy = [];
    const dev = await boot();
    await expect(boot()).rejects.toBeInstanceOf(DuplicateAgentError);

    const e2e = await boot(testNamespace());
    await firstValueFrom(e2e.get(MasClient).send({ target: ORDERS, type: 'order.count' }, {}));
    expect(handledBy).toEqual([testNamespace()]);
    await firstValueFrom(dev.get(MasClient).send({ target: ORDERS, type: 'order.count' }, {}));
    expect(handledBy).toEqual([testNamespace(), 'dev']);

    const standalone = await agents.start(new Agent(uniqueId('namespaces', 'probe'), inTestNamespace({ redisUrl, logger })));
    expect((await standalone.discover()).map((record) => record.id)).toContain(ORDERS);
  });
});
