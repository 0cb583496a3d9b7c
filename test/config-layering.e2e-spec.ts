import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentRegistry, ConfigValidationError, MasKeys, RedisUnavailableError } from '@mas/core';
import { MasAgent, MasModule } from '@mas/core/nest';
import { QuietLogger, rawClient, redisUrlFor, uniqueId, waitFor } from './support/e2e-helpers';

// One layered config for standalone agents and MasModule: defaults → YAML → MAS_* env → explicit
// options, validated at start (the key named), and an unreachable Redis named (masked) in time.
const DB = 3;
const url = redisUrlFor(DB);
const probe = rawClient(url);
const saved = { ...process.env };
const logger = new QuietLogger();
const started: Agent[] = [];
let silent: Server;
let silentPort: number;
const openSockets = () => new Promise<number>((resolve) => silent.getConnections((_, count) => resolve(count)));

function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

function yamlFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mas-layering-')), 'mas.yaml');
  writeFileSync(file, text);
  return file;
}

async function start(agent: Agent): Promise<Agent> {
  started.push(agent);
  await agent.start();
  return agent;
}

beforeAll(async () => {
  // A port that accepts TCP connections, reads and never answers: Redis "there" but hung.
  silent = createServer((socket) => socket.resume());
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((agent) => agent.stop()));
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

afterAll(async () => {
  probe.disconnect();
  await new Promise((resolve) => silent.close(resolve));
});

describe('standalone agents read the MAS settings', () => {
  it('take MAS_REDIS__URL over REDIS_URL when no redisUrl is given', async () => {
    setEnv({ REDIS_URL: redisUrlFor(DB + 10), MAS_REDIS__URL: url });
    const agent = await start(new Agent(uniqueId('layering', 'env'), { logger }));
    expect(await probe.exists(MasKeys.agent(agent.id))).toBe(1);
  });

  it('take the YAML file (MAS_CONFIG) when the environment names no Redis; explicit options win over it', async () => {
    setEnv({ REDIS_URL: undefined, MAS_REDIS__URL: undefined, MAS_CONFIG: yamlFile(`redis:\n  url: ${url}\nrequest_timeout_ms: 1234\n`) });
    const agent = await start(new Agent(uniqueId('layering', 'yaml'), { logger, heartbeatIntervalMs: 1000, heartbeatTtlMs: 3000 }));
    expect(await probe.exists(MasKeys.agent(agent.id))).toBe(1);
    const ttl = await probe.pttl(MasKeys.heartbeat(agent.id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(3000);
    const started = Date.now();
    await expect(agent.request(uniqueId('layering', 'nobody'), 'x', {})).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1234 + 1000); // the YAML request timeout
  });

  it('fail to start on a bad setting, naming the key, before touching Redis', async () => {
    setEnv({ MAS_REDIS__URL: url, MAS_HEARTBEAT__INTERVAL_MS: 'soon' });
    const agent = new Agent(uniqueId('layering', 'bad'), { logger });
    await expect(agent.start()).rejects.toThrow(ConfigValidationError);
    await expect(agent.start()).rejects.toThrow(/heartbeat\.intervalMs/);
    expect(await probe.exists(MasKeys.agent(agent.id))).toBe(0);
  });

  it('refuse redisUrl: undefined (a misspelled configuration key) instead of silently using 127.0.0.1:6379', async () => {
    setEnv({ MAS_REDIS__URL: url });
    const error = await new Agent(uniqueId('layering', 'undef'), { logger, redisUrl: undefined }).start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as Error).message).toMatch(/redisUrl: given as undefined/);
  });

  it('name an unreachable Redis (credentials masked) with a hint, within connectTimeoutMs', async () => {
    const at = Date.now();
    const error = await new Agent(uniqueId('layering', 'hung'), { logger, redisUrl: `redis://app:hunter2@127.0.0.1:${silentPort}/0`, connectTimeoutMs: 800 })
      .start()
      .catch((e: unknown) => e);
    expect(Date.now() - at).toBeLessThan(3000);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as RedisUnavailableError).url).toBe(`redis://***@127.0.0.1:${silentPort}/0`);
    expect((error as Error).message).not.toContain('hunter2');
    expect((error as Error).message).toMatch(/no answer within 800 ms.*MAS_REDIS__URL/);
    await waitFor(async () => (await openSockets()) === 0, 5_000, 'the refused agent closing its connection');
  });
});

describe('MasModule reads the MAS settings', () => {
  @MasAgent({ id: uniqueId('layering', 'nest') })
  class NestAgent {}

  it('boots with forRoot({}) on MAS_REDIS__URL and settings timing', async () => {
    setEnv({ REDIS_URL: undefined, MAS_REDIS__URL: url, MAS_HEARTBEAT__INTERVAL_MS: '1000', MAS_HEARTBEAT__TTL_MS: '2500' });
    const moduleRef = await Test.createTestingModule({ imports: [MasModule.forRoot({ logger })], providers: [NestAgent] }).compile();
    await moduleRef.init();
    try {
      const id = Reflect.getMetadata('mas:agent', NestAgent).id as string;
      expect(await moduleRef.get(AgentRegistry).get(id)).toMatchObject({ id, status: 'ACTIVE' });
      expect(await probe.pttl(MasKeys.heartbeat(id))).toBeLessThanOrEqual(2500);
    } finally {
      await moduleRef.close();
    }
  });

  it('fails the boot on a misspelled ConfigService key, naming the option', async () => {
    setEnv({ MAS_REDIS__URL: url });
    @Module({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ redis: { url } })] }),
        MasModule.forRootAsync({ inject: [ConfigService], useFactory: (config: ConfigService) => ({ redisUrl: config.get<string>('redis.uri'), logger }) }),
      ],
      providers: [NestAgent],
    })
    class Misspelled {}
    await expect(Test.createTestingModule({ imports: [Misspelled] }).compile()).rejects.toThrow(/redisUrl: given as undefined/);
  });

  it('fails the boot with RedisUnavailableError naming the URL within connectTimeoutMs, and lets the process exit', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [MasModule.forRoot({ redisUrl: `redis://127.0.0.1:${silentPort}`, connectTimeoutMs: 800, logger })],
      providers: [NestAgent],
    }).compile();
    const at = Date.now();
    const error = await moduleRef.init().catch((e: unknown) => e);
    expect(Date.now() - at).toBeLessThan(3000);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toContain(`redis://127.0.0.1:${silentPort}`);
    // Nothing left connecting (ioredis would retry forever and keep the process alive).
    await waitFor(async () => (await openSockets()) === 0, 5_000, 'the module closing its connections');
  });
});
