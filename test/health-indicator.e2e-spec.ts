import { Controller, Get, Module, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentHandler, MasAgent, MasAgents, MasHealthIndicator, MasModule } from '@mas/core';
import { QuietLogger } from './support/e2e-helpers';
import { hasRedisServer, RedisServer } from './support/private-redis';

/**
 * `MasHealthIndicator` under Terminus, on a Redis of the spec's own: up while Redis answers and the
 * agents run with fresh heartbeats; down when Redis stops, and when an agent stopped.
 */
const SPEC = 'health';

@MasAgent({ id: `${SPEC}-worker`, delivery: 'reliable' })
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
    expect(result.details.mas).toMatchObject({ status: 'up', redis: 'up', agents: { [`${SPEC}-worker`]: { running: true, inboxLag: 0 } } });
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
