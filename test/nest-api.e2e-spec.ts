import { CanActivate, ExecutionContext, Injectable, Module, ParseIntPipe } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test, TestingModule } from '@nestjs/testing';
import { IsString } from 'class-validator';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage, AgentRegistry, PayloadValidationError } from '@mas/core';
import { agentMessageOf, AgentPayload, AgentRef, isAgentContext, MasAgent, MasAgents, MasModule } from '@mas/core/nest';
import { MasClient } from '@mas/core/microservices';
import { QuietLogger, redisUrlFor, uniqueId } from './support/e2e-helpers';

// The API surface of the Nest face: MasClient from MasModule's own options, logger: false, global
// guards that tell agent handlers apart, a replaced agent provider said out loud, no token from
// AgentRegistry.get(), @AgentPayload('prop', pipe) and validation options.
const redisUrl = redisUrlFor(6);
const apps: TestingModule[] = [];

async function boot(imports: unknown[], providers: unknown[], override?: (builder: ReturnType<typeof Test.createTestingModule>) => void) {
  const builder = Test.createTestingModule({ imports: imports as never[], providers: providers as never[] });
  override?.(builder);
  const moduleRef = await builder.compile();
  apps.push(moduleRef);
  await moduleRef.init();
  return moduleRef;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

class RenameDto {
  @IsString() name!: string;
}

function workerClass(id: string) {
  @MasAgent({ id, capabilities: ['work'] })
  class Worker {
    @AgentRef() agent!: Agent;

    @AgentHandler('work.scale')
    scale(@AgentPayload('factor', ParseIntPipe) factor: number, @AgentPayload('base') base: number) {
      return { scaled: base * factor };
    }

    @AgentHandler('work.rename', { model: RenameDto })
    rename(dto: RenameDto) {
      return { keys: Object.keys(dto).sort() };
    }

    @AgentHandler('work.strip', { model: RenameDto, validation: { whitelist: true, forbidNonWhitelisted: false } })
    strip(dto: RenameDto) {
      return { keys: Object.keys(dto).sort() };
    }
  }
  return Worker;
}

describe('MasModule API', () => {
  it('provides MasClient on the module options (no URL repeated) and @AgentPayload(prop, pipe)', async () => {
    const id = uniqueId('api', 'worker');
    const app = await boot([MasModule.forRoot({ redisUrl, logger: false })], [workerClass(id)]);
    const client = app.get(MasClient);
    expect(await firstValueFrom(client.send({ target: id, type: 'work.scale' }, { factor: '3', base: 5 }))).toEqual({ scaled: 15 });
  });

  it('runs with logger: false (nothing logged, no crash)', async () => {
    const id = uniqueId('api', 'quiet');
    const app = await boot([MasModule.forRoot({ redisUrl, logger: false })], [workerClass(id)]);
    expect(app.get(MasAgents).get(id).isRunning).toBe(true);
  });

  it('validation options module-wide refuse unknown properties; a handler may only strip them', async () => {
    const id = uniqueId('api', 'strict');
    const app = await boot([MasModule.forRoot({ redisUrl, logger: false, validation: { whitelist: true, forbidNonWhitelisted: true } })], [workerClass(id)]);
    const caller = app.get(MasAgents).get(id);
    const refused = await caller.request(id, 'work.rename', { name: 'a', admin: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PayloadValidationError);
    expect((refused as PayloadValidationError).violations.join()).toMatch(/property admin should not exist/);
    expect((await caller.request<{ keys: string[] }>(id, 'work.strip', { name: 'a', admin: true })).data.keys).toEqual(['name']);
    expect((await caller.request<{ keys: string[] }>(id, 'work.rename', { name: 'a' })).data.keys).toEqual(['name']);
  });

  it('AgentRegistry.get() never returns the token', async () => {
    const id = uniqueId('api', 'record');
    const app = await boot([MasModule.forRoot({ redisUrl, logger: false })], [workerClass(id)]);
    const record = await app.get(AgentRegistry).get(id);
    expect(record).toMatchObject({ id, capabilities: ['work'], status: 'ACTIVE' });
    expect(record).not.toHaveProperty('token');
  });

  it('warns when an agent provider is replaced by a plain value, and runs a value that is an agent instance', async () => {
    const replacedId = uniqueId('api', 'replaced');
    const keptId = uniqueId('api', 'kept');
    const Replaced = workerClass(replacedId);
    const Kept = workerClass(keptId);
    const logger = new QuietLogger();
    const app = await boot([MasModule.forRoot({ redisUrl, logger })], [Replaced, Kept], (builder) => {
      builder.overrideProvider(Replaced).useValue({ scale: () => ({ scaled: 0 }) });
      builder.overrideProvider(Kept).useValue(new Kept());
    });
    expect(logger.warnings.filter((line) => line.includes(replacedId))).toEqual([
      expect.stringMatching(/Provider Worker \(@MasAgent ".*"\) was replaced by a value or factory .*no agent runs for it/),
    ]);
    expect(() => app.get(MasAgents).get(replacedId)).toThrow();
    expect(app.get(MasAgents).get(keptId).isRunning).toBe(true);
  });

  it('lets a global guard tell agent handlers from HTTP routes (isAgentContext, agentMessageOf)', async () => {
    const seen: Array<{ type: string; sender?: string }> = [];
    @Injectable()
    class GlobalGuard implements CanActivate {
      canActivate(context: ExecutionContext): boolean {
        if (!isAgentContext(context)) return false; // HTTP would need an API key here
        const message: AgentMessage = agentMessageOf(context);
        seen.push({ type: context.getType(), sender: message.senderId });
        return message.senderId !== 'blocked';
      }
    }
    @Module({ providers: [{ provide: APP_GUARD, useClass: GlobalGuard }] })
    class GuardModule {}
    const id = uniqueId('api', 'guarded');
    const app = await boot([MasModule.forRoot({ redisUrl, logger: false }), GuardModule], [workerClass(id)]);
    const caller = app.get(MasAgents).get(id);
    expect((await caller.request<{ scaled: number }>(id, 'work.scale', { factor: 2, base: 2 })).data.scaled).toBe(4);
    expect(seen).toEqual([{ type: 'mas', sender: id }]);
  });
});
