import { randomUUID } from 'node:crypto';
import {
  CallHandler,
  ConsoleLogger,
  CanActivate,
  ExecutionContext,
  Injectable,
  Module,
  NestInterceptor,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, Min } from 'class-validator';
import { map, Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentDirectory, AgentHandler, AgentMessage, AgentRegistry, InvalidAgentConfigError, MasKeys, PayloadValidationError, RemoteHandlerError } from '@mas/core';
import { rawClient, waitFor } from './support/e2e-helpers';
import { AgentEnvelope, AgentPayload, AgentRef, MasAgent, MasAgents, MasModule } from '@mas/core/nest';

const REDIS_URL = `${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'}`.replace(/\/\d+$/, '') + '/3';
const suffix = randomUUID().slice(0, 8);
const WORKER = `nest-worker-${suffix}`;
const COORDINATOR = `nest-coord-${suffix}`;
const silent = new ConsoleLogger({ logLevels: [] });

class SumRequest {
  @IsInt()
  @Min(0)
  a!: number;

  @IsInt()
  b!: number;
}

class GreetRequest {
  @IsString()
  name!: string;
}

/** Lets a message through only when its data says `allowed: true`. */
@Injectable()
class AllowedGuard implements CanActivate {
  static calls = 0;
  canActivate(context: ExecutionContext): boolean {
    AllowedGuard.calls += 1;
    const message = context.getArgByIndex<AgentMessage>(1);
    return context.getType<string>() === 'mas' && message.data.allowed === true;
  }
}

/** Tags every handler result with `intercepted: true`. */
@Injectable()
class TagInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((value) => ({ ...(value as object), intercepted: true })));
  }
}

@MasAgent({ id: WORKER, capabilities: ['math', 'nest-test'] })
class WorkerAgent {
  @AgentRef() agent!: Agent;
  seen: string[] = [];

  @AgentHandler('math.sum', { model: SumRequest })
  sum(payload: SumRequest) {
    return { sum: payload.a + payload.b, isModel: payload instanceof SumRequest };
  }

  @AgentHandler('secret.read')
  @UseGuards(AllowedGuard)
  @UseInterceptors(TagInterceptor)
  readSecret() {
    return { secret: 42 };
  }

  @AgentHandler('greet', { model: GreetRequest })
  greet(@AgentPayload() payload: GreetRequest, @AgentEnvelope() message: AgentMessage) {
    return { greeting: `hello ${payload.name}`, from: message.senderId };
  }

  @AgentHandler('boom')
  boom(): never {
    throw new Error('kaboom');
  }

  onMessage(message: AgentMessage) {
    this.seen.push(message.messageType);
  }
}

@MasAgent({ id: COORDINATOR, capabilities: ['coordination'] })
class CoordinatorAgent {
  @AgentRef() agent!: Agent;

  async askSum(a: number, b: number): Promise<unknown> {
    const reply = await this.agent.request(WORKER, 'math.sum', { a, b }, { timeout: 3000 });
    return reply.data;
  }
}

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ redisUrl: REDIS_URL })] }),
    MasModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ redisUrl: config.get<string>('redisUrl'), requestTimeoutMs: 3000 }),
    }),
  ],
  providers: [WorkerAgent, CoordinatorAgent, AllowedGuard, TagInterceptor],
})
class AppModule {}

describe('MasModule (Nest providers as agents)', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    while (closers.length) await closers.pop()!();
  });

  async function bootApp() {
    const app = await Test.createTestingModule({ imports: [AppModule] }).setLogger(silent).compile();
    await app.init();
    closers.push(() => app.close());
    return app;
  }

  it('runs two provider agents that talk, with validated typed payloads', async () => {
    const app = await bootApp();
    const coordinator = app.get(CoordinatorAgent);
    expect(await coordinator.askSum(2, 3)).toEqual({ sum: 5, isModel: true });
    const agents = app.get(MasAgents);
    expect(agents.get(WORKER)).toBe(app.get(WorkerAgent).agent);
    await expect(coordinator.agent.request(WORKER, 'math.sum', { a: -1, b: 'x' })).rejects.toBeInstanceOf(PayloadValidationError);
  });

  it('runs guards and interceptors decorated on an @AgentHandler', async () => {
    const app = await bootApp();
    const coordinator = app.get(CoordinatorAgent).agent;
    const before = AllowedGuard.calls;
    const allowed = await coordinator.request(WORKER, 'secret.read', { allowed: true });
    expect(allowed.data).toEqual({ secret: 42, intercepted: true });
    const denied = coordinator.request(WORKER, 'secret.read', { allowed: false });
    await expect(denied).rejects.toBeInstanceOf(RemoteHandlerError);
    await expect(denied).rejects.toMatchObject({ remoteType: 'ForbiddenException' });
    expect(AllowedGuard.calls).toBe(before + 2);
  });

  it('passes payload and envelope through param decorators, and reports handler errors', async () => {
    const app = await bootApp();
    const coordinator = app.get(CoordinatorAgent).agent;
    const reply = await coordinator.request(WORKER, 'greet', { name: 'Ada' });
    expect(reply.data).toEqual({ greeting: 'hello Ada', from: COORDINATOR });
    await expect(coordinator.request(WORKER, 'boom', {})).rejects.toMatchObject({ remoteMessage: 'kaboom' });
  });

  it('falls back to the provider onMessage and exposes injectable registry and directory', async () => {
    const app = await bootApp();
    const worker = app.get(WorkerAgent);
    await app.get(CoordinatorAgent).agent.send(WORKER, 'unknown.type', {});
    await expect.poll(() => worker.seen).toContain('unknown.type');
    const found = await app.get(AgentDirectory).discover(['nest-test']);
    expect(found.map((a) => a.id)).toEqual([WORKER]);
    expect((await app.get(AgentRegistry).get(COORDINATOR))?.capabilities).toEqual(['coordination']);
  });

  it('deregisters its agents on shutdown', async () => {
    const app = await bootApp();
    expect(await app.get(AgentRegistry).get(WORKER)).toBeDefined();
    const probe = new Agent(`nest-probe-${suffix}`, { redisUrl: REDIS_URL });
    await probe.start();
    closers.push(() => probe.stop());
    await app.close();
    closers.shift();
    expect((await probe.discover(['math'])).map((a) => a.id)).not.toContain(WORKER);
    expect(await probe.send(WORKER, 'math.sum', { a: 1, b: 1 })).toBe(0);
  });

  it('runs a @MasAgent with delivery: reliable: a message sent while the app was down is handled on start', async () => {
    const ledgerId = `nest-ledger-${suffix}`;
    const handled: unknown[] = [];
    @MasAgent({ id: ledgerId, delivery: 'reliable', inbox: { maxInFlight: 8 }, maxConcurrency: 4 })
    class LedgerAgent {
      @AgentHandler('entry') entry(data: Record<string, unknown>) {
        handled.push(data);
      }
    }
    const boot = async () => {
      const app = await Test.createTestingModule({ imports: [MasModule.forRoot({ redisUrl: REDIS_URL })], providers: [LedgerAgent] })
        .setLogger(silent)
        .compile();
      await app.init();
      return app;
    };
    const redis = rawClient(REDIS_URL);
    closers.push(async () => {
      await redis.del(MasKeys.inbox(ledgerId), MasKeys.inboxLimits(ledgerId));
      redis.disconnect();
    });
    const first = await boot(); // creates the inbox and its consumer group
    await first.close();
    const sender = new Agent(`nest-ledger-sender-${suffix}`, { redisUrl: REDIS_URL, register: false, logger: false });
    await sender.start();
    closers.push(() => sender.stop());
    await sender.send(ledgerId, 'entry', { n: 1 }, { reliable: true });
    const second = await boot();
    closers.push(() => second.close());
    await waitFor(() => handled.length === 1, 5_000, 'the entry sent while the app was down');
    expect(handled).toEqual([{ n: 1 }]);
  });

  it('refuses at boot a class that declares two handlers for one type', async () => {
    @MasAgent({ id: `nest-dup-${suffix}` })
    class DuplicateHandlers {
      @AgentHandler('x') first() {}
      @AgentHandler('x') second() {}
    }
    const app = await Test.createTestingModule({
      imports: [MasModule.forRoot({ redisUrl: REDIS_URL })],
      providers: [DuplicateHandlers],
    })
      .setLogger(silent)
      .compile();
    await expect(app.init()).rejects.toBeInstanceOf(InvalidAgentConfigError);
    await app.close();
  });
});
