import { Controller, Get, Module, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, checkMasHealth, MasConnection, MasKeys } from '@mas/core';
import { MasAgent, MasAgents, MasHealthIndicator, MasModule } from '@mas/core/nest';
import { AgentTracker, Probes, QuietLogger, redisUrlFor, uniqueId, waitFor } from './support/e2e-helpers';
import { hasRedisServer, RedisServer } from './support/private-redis';

/**
 * `MasHealthIndicator` under Terminus, on a Redis of the spec's own: up while Redis answers and the
 * agents run with fresh heartbeats; down when Redis stops, and when an agent stopped.
 */
const SPEC = 'health';

@MasAgent({ id: `${SPEC}-worker` })
class Worker {
  @AgentHandler('ping')
  ping() {
    return { pong: true };
  }
}

@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mas: MasHealthIndicator,
  ) {}

  @Get()
  check() {
    return this.health.check([() => this.mas.isHealthy('mas', { timeoutMs: 300 })]);
  }
}

describe.runIf(hasRedisServer)('MasHealthIndicator (Terminus)', () => {
  const server = new RedisServer({ pingTimeoutMs: 200 });
  let app: INestApplication;
  let controller: HealthController;

  beforeAll(async () => {
    await server.start();
    @Module({
      imports: [TerminusModule.forRoot({ logger: false }), MasModule.forRoot({ redisUrl: server.url, heartbeatIntervalMs: 200, heartbeatTtlMs: 1_000, logger: new QuietLogger() })],
      controllers: [HealthController],
      providers: [Worker],
    })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    controller = app.get(HealthController);
  });

  afterAll(async () => {
    if (!server.running) await server.start();
    await app?.close();
    await server.dispose();
  });

  /** The check's error body (Terminus answers 503 with it). */
  const failure = async () => {
    const error = await controller.check().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    return (error as ServiceUnavailableException).getResponse() as { status: string; error: Record<string, any>; details: Record<string, any> };
  };

  it('is up while Redis answers and the agents run with fresh heartbeats', async () => {
    const result = await controller.check();
    expect(result.status).toBe('ok');
    expect(result.details.mas).toMatchObject({ status: 'up', redis: 'up', agents: { [`${SPEC}-worker`]: { running: true } } });
    expect(result.details.mas.agents[`${SPEC}-worker`].heartbeatAgeSeconds).toBeLessThan(1);
  });

  it('goes down when Redis stops, and up again once it is back', async () => {
    await server.kill('SIGKILL');
    const body = await failure();
    expect(body.status).toBe('error');
    expect(body.error.mas).toMatchObject({ status: 'down', redis: 'down' });
    expect(body.error.mas.problems.join(' ')).toMatch(/does not answer/);

    await server.start();
    const deadline = Date.now() + 10_000;
    let result = await controller.check().catch(() => undefined);
    while (!result && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      result = await controller.check().catch(() => undefined);
    }
    expect(result?.details.mas.status).toBe('up');
  });

  it('goes down when an agent is not running', async () => {
    await app.get(MasAgents).get(`${SPEC}-worker`).stop();
    const body = await failure();
    expect(body.error.mas.status).toBe('down');
    expect(body.error.mas.problems).toContain(`agent "${SPEC}-worker" is not running`);
  });
});

describe('checkMasHealth (standalone agents)', () => {
  const redisUrl = redisUrlFor(4);
  const agents = new AgentTracker();
  const probes = new Probes();
  const connection = new MasConnection({ redisUrl });
  afterAll(async () => {
    await agents.stopAll();
    await probes.closeAll();
    await connection.close();
  });

  it('goes down when a heartbeat is stale and when a reliable inbox lags beyond the threshold', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const worker = await agents.start(
      new Agent(uniqueId(SPEC, 'lagging'), {
        redisUrl,
        delivery: 'reliable',
        inbox: { maxInFlight: 1, blockMs: 100 },
        logger: new QuietLogger(),
        onMessage: () => held,
      }),
    );
    const sender = await agents.start(new Agent(uniqueId(SPEC, 'sender'), { redisUrl, logger: new QuietLogger() }));
    const up = await checkMasHealth(connection, [worker, sender]);
    expect(up.mas).toMatchObject({ status: 'up', redis: 'up' });

    // Four messages, one in the handler: three not read yet.
    for (let i = 0; i < 4; i += 1) await sender.send(worker.id, 'work', { i }, { reliable: true });
    const lagging = await waitFor(async () => {
      const result = await checkMasHealth(connection, [worker], 'inbox', { maxInboxLag: 2 });
      return result.inbox.agents[worker.id].inboxLag === 3 ? result : undefined;
    }, 5_000, 'an inbox lag of 3');
    expect(lagging.inbox.status).toBe('down');
    expect(lagging.inbox.problems).toEqual([`agent "${worker.id}" is 3 entries behind in its inbox (over 2)`]);
    expect((await checkMasHealth(connection, [worker], 'inbox', { maxInboxLag: 3 })).inbox.status).toBe('up');
    release();

    // A heartbeat key that is gone (what Redis shows of a hung process once its TTL ran out).
    await probes.client(redisUrl).del(MasKeys.heartbeat(sender.id));
    const stale = await checkMasHealth(connection, [sender]);
    expect(stale.mas.status).toBe('down');
    expect(stale.mas.problems).toEqual([`agent "${sender.id}" has no fresh heartbeat`]);
  });
});
