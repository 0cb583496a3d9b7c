import type Redis from 'ioredis';
import { RedisUnavailableError } from '../errors';
import { isConnectionError } from '../redis/redis-errors';

/** How often commands past their deadline are looked for, in ms (the deadline's precision). */
const SWEEP_EVERY_MS = 100;
/** Sweeps with nothing in flight before the sweep timer stops (it restarts with the next send). */
const IDLE_SWEEPS_BEFORE_STOP = 10;

interface InFlight {
  deadline: number;
  reject(error: Error): void;
}

/**
 * Holds an agent's sends while its command connection is down, instead of ioredis's unbounded
 * offline queue: at most `maxWaiting` wait, each at most `deadlineMs` (checked by one sweep timer,
 * not a timer per command), and a send whose caller has given up meanwhile (a request that timed out
 * or was aborted) is never written afterwards. Failures to reach Redis become
 * {@link RedisUnavailableError} ({@link translate}).
 */
export class OfflineGate {
  private waiting = 0;
  private back?: Promise<void>;
  private readonly inFlight = new Map<number, InFlight>();
  private sequence = 0;
  private sweeper?: NodeJS.Timeout;
  private idleSweeps = 0;

  constructor(
    private readonly redis: Redis,
    /** The Redis URL, credentials masked (named in errors). */
    private readonly url: string,
    private readonly maxWaiting: number,
    private readonly deadlineMs: number,
  ) {}

  /**
   * Runs `command` once the connection is ready, within the deadline (waiting included).
   * @param wanted checked before `command` runs: false (the caller gave up) skips it and resolves undefined
   * @throws RedisUnavailableError when Redis stays unreachable past the deadline, the wait is full,
   *   or the command failed to reach Redis
   */
  /** True while the connection is ready: {@link run} would run the command at once. */
  get isReady(): boolean {
    return this.redis.status === 'ready';
  }

  run<T>(command: () => Promise<T>, wanted?: () => boolean): Promise<T | undefined> {
    // Connected: straight through (no per-command bookkeeping on the hot path); a connection that
    // stops answering is failed by its MasConnection's command watchdog after the same deadline.
    if (this.redis.status === 'ready') return command();
    return this.runOffline(command, wanted);
  }

  /** `error` as the caller should see it: a failure to reach Redis becomes {@link RedisUnavailableError}. */
  translate(error: unknown): unknown {
    if (error instanceof RedisUnavailableError || !isConnectionError(error)) return error;
    return new RedisUnavailableError(this.url, (error as Error).message, { cause: error });
  }

  private async runOffline<T>(command: () => Promise<T>, wanted?: () => boolean): Promise<T | undefined> {
    const deadline = Date.now() + this.deadlineMs;
    if (this.waiting >= this.maxWaiting) throw new RedisUnavailableError(this.url, `not connected, and ${this.waiting} sends already wait`);
    this.waiting += 1;
    try {
      await this.bounded(this.whenReady(), deadline, 'not connected');
    } finally {
      this.waiting -= 1;
    }
    if (wanted && !wanted()) return undefined;
    return this.bounded(command(), deadline, 'no answer');
  }

  /** Stops the sweep timer (pending sends still settle on their own). */
  close(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.idleSweeps = 0;
  }

  private whenReady(): Promise<void> {
    this.back ??= new Promise<void>((resolve) => this.redis.once('ready', () => resolve())).finally(() => (this.back = undefined));
    return this.back;
  }

  private bounded<T>(task: Promise<T>, deadline: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = ++this.sequence;
      const fail = (error: Error) => reject(new RedisUnavailableError(this.url, `${what} within ${this.deadlineMs} ms`, { cause: error }));
      this.inFlight.set(id, { deadline, reject: fail });
      this.sweeper ??= setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();
      task.then(
        (value) => {
          this.inFlight.delete(id);
          resolve(value);
        },
        (error: unknown) => {
          this.inFlight.delete(id);
          reject(isConnectionError(error) ? new RedisUnavailableError(this.url, (error as Error).message, { cause: error }) : error);
        },
      );
    });
  }

  /** Rejects what is past its deadline. */
  private sweep(): void {
    const now = Date.now();
    for (const [id, entry] of this.inFlight) {
      if (entry.deadline > now) continue;
      this.inFlight.delete(id);
      entry.reject(new Error('deadline'));
    }
    if (this.inFlight.size === 0 && ++this.idleSweeps >= IDLE_SWEEPS_BEFORE_STOP) this.close();
    else if (this.inFlight.size > 0) this.idleSweeps = 0;
  }
}
