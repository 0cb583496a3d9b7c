import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { FromWorker, RunResult, TaskSpec, ToWorker } from '../shared/bench.interfaces';
import type { WorkerRole } from '../worker/worker';
import { processCpuSeconds } from './machine-load';

const WORKER_SCRIPT = join(__dirname, '..', 'worker', 'worker.js');
/** Last characters of a worker's stderr kept for error messages. */
const STDERR_TAIL = 4_000;

/** One worker process, seen from the orchestrator. */
export class WorkerHandle {
  private readonly child: ChildProcess;
  private stderr = '';
  private exited = false;
  private readonly exit: Promise<number | null>;
  private readonly listeners = new Set<(message: FromWorker) => void>();

  constructor(
    readonly role: WorkerRole,
    spec: TaskSpec,
    execArgv: string[] = [],
    profileFile?: string,
    /** More environment variables of the worker (e.g. its zero-trust identity, kept out of argv). */
    extraEnv: Record<string, string> = {},
  ) {
    const env = { ...process.env, ...(profileFile ? { BENCH_PROFILE_FILE: profileFile } : {}), ...extraEnv };
    this.child = fork(WORKER_SCRIPT, [role, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv, env });
    this.child.stdout?.resume();
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    this.child.on('message', (message: FromWorker) => this.listeners.forEach((listener) => listener(message)));
    this.exit = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        this.exited = true;
        resolve(code);
      }),
    );
  }

  /** What the worker wrote on stderr lately. */
  get errorOutput(): string {
    return this.stderr.trim();
  }

  /** CPU time (user + system) the worker used so far, in seconds; NaN where /proc is missing. */
  cpuSeconds(): number {
    return processCpuSeconds(this.child.pid);
  }

  /** Calls `listener` for every message of the worker. */
  onMessage(listener: (message: FromWorker) => void): void {
    this.listeners.add(listener);
  }

  send(message: ToWorker): void {
    if (!this.exited && this.child.connected) this.child.send(message);
  }

  /** Resolves on the worker's `ready`; rejects if it fails, exits or takes longer than `timeoutMs`. */
  ready(timeoutMs: number): Promise<void> {
    return this.until((message) => (message.t === 'ready' ? true : undefined), timeoutMs, 'get ready').then(() => undefined);
  }

  /** Resolves with the worker's results. */
  results(timeoutMs: number): Promise<RunResult[]> {
    return this.until((message) => (message.t === 'result' ? message.results : undefined), timeoutMs, 'finish');
  }

  /** Asks the worker to stop (it cleans up), and kills it if it does not exit in time. */
  async stop(timeoutMs = 20_000): Promise<void> {
    if (this.exited) return;
    this.send({ t: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exit;
    clearTimeout(timer);
  }

  private until<T>(pick: (message: FromWorker) => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${this.role} did not ${what} within ${timeoutMs / 1000} s`)), timeoutMs);
      const done = (error?: Error, value?: T): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        if (error) reject(error);
        else resolve(value as T);
      };
      const listener = (message: FromWorker): void => {
        if (message.t === 'failed') return done(new Error(`${this.role} failed: ${message.message}`));
        const value = pick(message);
        if (value !== undefined) done(undefined, value);
      };
      this.listeners.add(listener);
      void this.exit.then((code) => done(new Error(`${this.role} exited (code ${code}) before it did ${what}: ${this.errorOutput.slice(-800)}`)));
    });
  }
}
