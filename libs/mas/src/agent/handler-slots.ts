/**
 * Bounds the handlers that run at once for messages arriving over pub/sub: beyond `max` running,
 * messages wait in a bounded queue (first in, first out); beyond that they are refused, so the
 * caller can count and answer them. Nothing waits unbounded, nothing is dropped without the caller
 * knowing.
 */
export class HandlerSlots {
  private running = 0;
  private readonly waiting: Array<() => Promise<unknown>> = [];
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly max: number,
    private readonly maxQueued: number,
  ) {}

  /** Handlers running now. */
  get active(): number {
    return this.running;
  }

  /** Messages waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` now, or once a slot frees; returns false (and runs nothing) when the queue is full. */
  offer(task: () => Promise<unknown>): boolean {
    if (this.running < this.max && this.waiting.length === 0) {
      this.running += 1;
      this.run(task);
      return true;
    }
    if (this.waiting.length >= this.maxQueued) return false;
    this.waiting.push(task);
    return true;
  }

  /** Resolves when nothing runs or waits any more, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    let done: (() => void) | undefined;
    await new Promise<void>((resolve) => {
      done = resolve;
      this.idle.add(resolve);
      timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
    this.idle.delete(done!);
  }

  /**
   * Runs `task` in a slot already counted in `running`. A waiting task takes the freed slot on the
   * next turn of the event loop (setImmediate), not in the same microtask chain: handlers that burn
   * CPU must let the socket be read between them, or Redis sees a subscriber that stopped reading.
   */
  private run(task: () => Promise<unknown>): void {
    let running: Promise<unknown>;
    try {
      running = task();
    } catch {
      running = Promise.resolve(); // the task reports its own failures
    }
    void running
      .catch(() => undefined)
      .finally(() => {
        const next = this.waiting.shift();
        if (next) {
          setImmediate(() => this.run(next));
          return;
        }
        this.running -= 1;
        if (this.running === 0) for (const resolve of this.idle) resolve();
      });
  }
}
