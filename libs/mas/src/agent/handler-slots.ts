/** How long waiting items may be started one after another before the event loop gets a turn (ms). */
const BURST_MS = 10;

/**
 * Bounds the handlers that run at once for messages arriving over pub/sub: beyond `max` running,
 * items wait in a bounded queue (first in, first out); beyond that they are refused, so the caller
 * can count and answer them. Nothing waits unbounded, nothing is dropped without the caller knowing.
 * `work` handles one item and reports its own failures (a rejection is ignored here).
 */
export class HandlerSlots<T> {
  private running = 0;
  private readonly waiting: T[] = [];
  private readonly idle = new Set<() => void>();
  /** When the current run of waiting items without a turn of the event loop began (0: none). */
  private burstSince = 0;
  /** Frees a slot, or hands it to the next waiting item (one shared callback, no closure per item). */
  private readonly done = (): void => {
    if (this.waiting.length) {
      // Waiting items start at once for up to BURST_MS; then one turn of the event loop is let
      // through, so that handlers burning CPU cannot stop the socket from being read (Redis would
      // then see a subscriber that stopped reading and cut it off).
      const now = Date.now();
      if (this.burstSince === 0) this.burstSince = now;
      if (now - this.burstSince < BURST_MS) this.next();
      else setImmediate(this.yielded);
      return;
    }
    this.burstSince = 0;
    this.running -= 1;
    if (this.running === 0) for (const resolve of this.idle) resolve();
  };
  private readonly yielded = (): void => {
    this.burstSince = 0;
    this.next();
  };
  private readonly next = (): void => {
    const item = this.waiting.shift();
    if (item === undefined) this.done();
    else this.run(item);
  };

  constructor(
    private readonly max: number,
    private readonly maxQueued: number,
    private readonly work: (item: T) => Promise<unknown>,
  ) {}

  /** Handlers running now. */
  get active(): number {
    return this.running;
  }

  /** Items waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Handles `item` now, or once a slot frees; returns false (and handles nothing) when the queue is full. */
  offer(item: T): boolean {
    if (this.running < this.max && this.waiting.length === 0) {
      this.running += 1;
      this.run(item);
      return true;
    }
    if (this.waiting.length >= this.maxQueued) return false;
    this.waiting.push(item);
    return true;
  }

  /** Resolves when nothing runs or waits any more, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    let finished: (() => void) | undefined;
    await new Promise<void>((resolve) => {
      finished = resolve;
      this.idle.add(resolve);
      timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
    this.idle.delete(finished!);
  }

  /** Runs `item` in a slot already counted in `running`. */
  private run(item: T): void {
    let running: Promise<unknown>;
    try {
      running = this.work(item);
    } catch {
      running = Promise.resolve();
    }
    running.then(this.done, this.done);
  }
}
