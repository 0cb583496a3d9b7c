import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/** The agent fixture of the real-process specs: test/fixtures/reliable-agent.cjs on the built @mas/core. */
const FIXTURE = join(__dirname, '../fixtures/reliable-agent.cjs');

export interface FixtureConfig {
  redisUrl: string;
  agentId: string;
  mode?: 'record' | 'count' | 'rpc';
  log?: string;
  delayMs?: number;
  inbox?: Record<string, number>;
  heartbeatIntervalMs?: number;
  heartbeatTtlMs?: number;
  /** ioredis options of the fixture's connections. */
  redis?: Record<string, unknown>;
  /** Zero-trust credentials (`mas provision`): the agent runs in gateway mode with them. */
  credentials?: string;
  /** Gateway mode without credentials. */
  gateway?: boolean;
}

/** Why a fixture's agent did not start (its error, as reported over IPC). */
export interface FixtureFailure {
  name: string;
  code?: string;
  message: string;
}

export interface FixtureStats {
  inbox?: { delivered: number; acked: number; redelivered: number; duplicates: number; deadLettered: number; groupRecreated: number };
  agent?: Record<string, number>;
  state?: Record<string, unknown>;
}

/** One reliable agent in its own Node process (test/fixtures/reliable-agent.cjs on the built @mas/core). */
export class FixtureProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  stderr = '';
  /** Set when the agent's start failed. */
  failure?: FixtureFailure;
  private readonly exited: Promise<void>;

  constructor(readonly config: FixtureConfig) {
    this.child = fork(FIXTURE, [], {
      env: { ...process.env, MAS_FIXTURE: JSON.stringify(config) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: FixtureFailure & { type?: string }) => {
        if (message?.type === 'failed') this.failure = { name: message.name, code: message.code, message: message.message };
        if (message?.type !== 'ready') return;
        this.child.off('message', onMessage);
        resolve();
      };
      this.child.on('message', onMessage);
      this.child.once('exit', (code, signal) =>
        reject(new Error(`fixture ${config.agentId} exited before ready (${code ?? signal}): ${this.stderr}`)),
      );
    });
    this.ready.catch(() => undefined);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts a fixture and waits until its agent started. */
  /** Module loading dominates start-up (seconds on a busy 2-core box), hence the generous timeout. */
  static async start(config: FixtureConfig, timeoutMs = 60_000): Promise<FixtureProcess> {
    const fixture = new FixtureProcess(config);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        fixture.ready,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`fixture ${config.agentId} not ready in ${timeoutMs} ms`)), timeoutMs))),
      ]);
    } catch (error) {
      await fixture.kill();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return fixture;
  }

  /** The fixture's agent counters and state. */
  stats(timeoutMs = 5_000): Promise<FixtureStats> {
    return this.ask('stats', 'stats', timeoutMs);
  }

  /** Graceful stop (agent.stop(), then exit); resolves with the counters just before stopping. */
  async stop(timeoutMs = 10_000): Promise<FixtureStats> {
    const stats = await this.ask('stop', 'stopped', timeoutMs);
    await this.exited;
    return stats;
  }

  /** SIGKILL, as a crash; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private ask(cmd: string, answer: string, timeoutMs: number): Promise<FixtureStats> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        reject(new Error(`fixture ${this.config.agentId} did not answer "${cmd}" in ${timeoutMs} ms: ${this.stderr}`));
      }, timeoutMs);
      const onMessage = (message: FixtureStats & { type?: string }) => {
        if (message?.type !== answer) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(message);
      };
      this.child.on('message', onMessage);
      this.child.send({ cmd });
    });
  }
}

/** Kills every fixture still alive (afterEach / afterAll). */
export async function killAll(fixtures: FixtureProcess[]): Promise<void> {
  await Promise.all(fixtures.splice(0).map((f) => f.kill()));
}
