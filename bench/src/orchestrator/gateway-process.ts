import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { gatewayFeatures, GatewayScenario, isZeroTrustScenario } from '../shared/bench.interfaces';

/** The repository root (bench/dist/orchestrator/ → ../../..). */
const ROOT = join(__dirname, '..', '..', '..');
/** The built gateway app (`npm run build`, or the bench's own build step). */
export const GATEWAY_MAIN = join(ROOT, 'dist', 'apps', 'gateway', 'src', 'main.js');
const STDERR_TAIL = 4_000;

/** `features` of config/gateway.yaml, as env overrides. Authentication and audit are always on. */
const FEATURES = ['RBAC', 'MESSAGE_SIGNING', 'RATE_LIMIT', 'DLP', 'PRIORITY_QUEUE', 'CIRCUIT_BREAKER'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** True when the gateway of `scenario` runs with RBAC (else the allow list decides). */
export function gatewayRbac(scenario: GatewayScenario): boolean {
  const only = process.env.BENCH_GATEWAY_FEATURES;
  return only !== undefined ? only.split(',').includes('RBAC') : gatewayFeatures(scenario) === 'full';
}

/** One gateway instance in its own process (the built app, configured through env). */
export class GatewayProcess {
  private stderr = '';
  private exited = false;
  private readonly exit: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_TAIL)));
    this.exit = new Promise((resolve) => child.on('exit', (code) => ((this.exited = true), resolve(code))));
  }

  /**
   * Starts the gateway on `redisUrl`: `gateway-basic(-zt)` turns every optional feature off,
   * `gateway-full(-zt)` leaves them on (the default) and lifts the rate limit of `senderId` so that
   * it is checked on every message without refusing any. The `-zt` ones accept provisioned agents
   * only (`redisUrl` is then the gateway's service user). `execArgv` goes to node (e.g. `--cpu-prof`).
   */
  static async start(scenario: GatewayScenario, redisUrl: string, senderId: string, timeoutMs = 30_000, execArgv: string[] = []): Promise<GatewayProcess> {
    if (!existsSync(GATEWAY_MAIN)) throw new Error(`${GATEWAY_MAIN} is missing: run npm run build`);
    const port = await freePort();
    const basic = gatewayFeatures(scenario) === 'basic';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      REDIS_URL: redisUrl,
      GATEWAY_HTTP__ENABLED: 'true',
      GATEWAY_HTTP__HOST: '127.0.0.1',
      GATEWAY_HTTP__PORT: String(port),
      GATEWAY_HTTP__API_KEY: '',
      GATEWAY_RATE_LIMIT__OVERRIDES: JSON.stringify([{ agentId: senderId, perMinute: 1_000_000_000, perHour: 1_000_000_000 }]),
    };
    for (const feature of FEATURES) env[`GATEWAY_FEATURES__${feature}`] = basic ? 'false' : 'true';
    // Cost per feature (profiling aid): BENCH_GATEWAY_FEATURES=RBAC,DLP turns on just those.
    const only = process.env.BENCH_GATEWAY_FEATURES;
    if (only !== undefined) for (const feature of FEATURES) env[`GATEWAY_FEATURES__${feature}`] = String(only.split(',').includes(feature));
    if (isZeroTrustScenario(scenario)) env.GATEWAY_ZERO_TRUST__REQUIRE_PROVISIONED = 'true';
    const child = spawn(process.execPath, [...execArgv, GATEWAY_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const gateway = new GatewayProcess(child, port);
    try {
      await gateway.waitHealthy(timeoutMs);
    } catch (error) {
      await gateway.stop();
      throw error;
    }
    return gateway;
  }

  /** Process id of the gateway. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.exited) throw new Error(`the gateway exited at start: ${this.stderr.trim().slice(-800)}`);
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`the gateway was not healthy within ${timeoutMs / 1000} s: ${this.stderr.trim().slice(-800)}`);
  }

  /** SIGTERM (the app closes gracefully), SIGKILL if it takes too long. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exit;
    clearTimeout(timer);
  }
}

const GATEWAY_PATTERNS = ['audit:by_*', 'priority_queue:*', 'ratelimit:*', 'circuit:*', 'mas:nonce:*'];

function gatewayFixedKeys(): string[] {
  const { MasKeys } = require('@mas/core') as typeof import('@mas/core');
  return [MasKeys.gatewayIngress, MasKeys.audit, MasKeys.auditHead, MasKeys.securityEvents, MasKeys.deadLetters, MasKeys.priorityQueueTargets];
}

async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** What the bench database held before a gateway task: only what the task adds is removed afterwards. */
export interface KeySnapshot {
  /** Keys (fixed names and pattern matches) that existed. */
  existing: Set<string>;
  /** Last entry id of the streams among them. */
  lastIds: Map<string, string>;
}

/** Notes the gateway keys present before a gateway task (normally none: the bench db is its own). */
export async function snapshotGatewayKeys(redisUrl: string): Promise<KeySnapshot> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const snapshot: KeySnapshot = { existing: new Set(), lastIds: new Map() };
    for (const key of gatewayFixedKeys()) {
      const type = await redis.type(key);
      if (type === 'none') continue;
      snapshot.existing.add(key);
      if (type === 'stream') {
        const last = (await redis.xrevrange(key, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
        snapshot.lastIds.set(key, last[0]?.[0] ?? '0-0');
      }
    }
    for (const pattern of GATEWAY_PATTERNS) for (const key of await scanKeys(redis, pattern)) snapshot.existing.add(key);
    return snapshot;
  } finally {
    redis.disconnect();
  }
}

/** gateway-basic (RBAC off): the sender's allow list names the receiver. */
export async function allowTarget(redisUrl: string, senderId: string, receiverId: string): Promise<void> {
  const { MasKeys } = require('@mas/core') as typeof import('@mas/core');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    await redis.sadd(MasKeys.allowedTargets(senderId), receiverId);
  } finally {
    redis.disconnect();
  }
}

/**
 * Deletes what a reliable / gateway task left in the bench database: the keys of its two agents
 * and, after a gateway task, the keys the gateway wrote (the list of test/gateway/harness.ts):
 * keys that did not exist before are deleted; streams that did lose only the entries added since.
 */
export async function cleanUpModeKeys(redisUrl: string, agentIds: string[], before?: KeySnapshot): Promise<void> {
  const { MasKeys } = require('@mas/core') as typeof import('@mas/core');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const keys = agentIds.flatMap((id) => [
      MasKeys.inbox(id),
      MasKeys.completed(id),
      MasKeys.replicas(id),
      MasKeys.signingKey(id),
      MasKeys.agentToken(id),
      MasKeys.publicKey(id),
      MasKeys.allowedTargets(id),
      MasKeys.state(id),
      MasKeys.agent(id),
      MasKeys.heartbeat(id),
      MasKeys.inboxLimits(id),
    ]);
    await redis.del(...keys);
    if (!before) return;
    const added = gatewayFixedKeys().filter((key) => !before.existing.has(key));
    for (const pattern of GATEWAY_PATTERNS) added.push(...(await scanKeys(redis, pattern)).filter((key) => !before.existing.has(key)));
    for (let i = 0; i < added.length; i += 500) await redis.del(...added.slice(i, i + 500));
    for (const [stream, lastId] of before.lastIds) {
      for (;;) {
        const entries = (await redis.xrange(stream, `(${lastId}`, '+', 'COUNT', 1000)) as Array<[string, string[]]>;
        if (entries.length === 0) break;
        await redis.xdel(stream, ...entries.map(([id]) => id));
      }
    }
  } finally {
    redis.disconnect();
  }
}
