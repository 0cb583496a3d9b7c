import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import type { BenchSettings, RunResult, SystemName } from '../shared/bench.interfaces';
import { makePayload } from '../shared/payload';
import type { SystemSender } from '../systems/system.interfaces';
import { formatCount, ProgressTicker, tell } from '../worker/worker-io';

/** The receiver tells the orchestrator how many messages it handled every this many messages. */
const REPORT_EVERY = 500;
/** Messages sent per turn of the event loop at most. */
const BATCH = 256;

/**
 * Receiving side of `oneway`: counts handled messages, reports them (the sender's credit), and
 * measures the rate between the end of the warm-up and the last expected message.
 */
export class OnewayCounter {
  private count = 0;
  private firstAt = 0;
  private warmAt = 0;
  private warmCount = 0;
  private lastAt = 0;
  private expected = Number.POSITIVE_INFINITY;
  private reported = 0;
  private finished = false;
  private readonly timer: NodeJS.Timeout;
  /** Called once the result is known. */
  onFinish?: () => void;

  constructor(
    private readonly system: SystemName,
    private readonly warmupMs: number,
    /** Scenario reported (`oneway`, `reliable-oneway`, `gateway-*`). */
    private readonly scenario = 'oneway',
  ) {
    // Reports stragglers that did not reach a REPORT_EVERY boundary.
    this.timer = setInterval(() => this.report(), 20);
    this.timer.unref();
  }

  /** Called by the system's handler for each one-way message. */
  readonly onEvent = (): void => {
    const count = ++this.count;
    const now = performance.now();
    if (count === 1) this.firstAt = now;
    else if (this.warmAt === 0 && now - this.firstAt >= this.warmupMs) {
      this.warmAt = now;
      this.warmCount = count;
    }
    this.lastAt = now;
    if (count - this.reported >= REPORT_EVERY) this.report();
    if (count >= this.expected) this.finish();
  };

  /** The sender is done: `total` messages were sent. */
  expect(total: number): void {
    this.expected = total;
    if (this.count >= total) this.finish();
    // Pub/sub is at-most-once (and a stream may lag): give up on missing messages after a while.
    setTimeout(() => this.finish(), 10_000).unref();
  }

  private report(): void {
    if (this.count === this.reported) return;
    this.reported = this.count;
    tell({ t: 'delivered', count: this.count });
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    clearInterval(this.timer);
    this.report();
    const from = this.warmAt || this.firstAt;
    const measured = this.count - (this.warmAt ? this.warmCount : 0);
    const seconds = (this.lastAt - from) / 1000;
    const result: RunResult = {
      scenario: this.scenario,
      system: this.system,
      throughput: seconds > 0 ? measured / seconds : null,
      p50_ms: null,
      p95_ms: null,
      p99_ms: null,
      ops: this.count,
    };
    const lost = Number.isFinite(this.expected) ? this.expected - this.count : 0;
    if (lost > 0) result.errors = lost;
    this.onFinish?.();
    tell({ t: 'result', results: [result] });
  }
}

/**
 * Sending side of `oneway`: sends for warm-up + duration, never more than `onewayWindow` messages
 * ahead of what the receiver handled (credit relayed by the orchestrator).
 */
export class OnewaySender {
  private delivered = 0;
  private wake?: () => void;

  constructor(
    private readonly sender: SystemSender,
    private readonly settings: BenchSettings,
  ) {}

  /** Credit: the receiver has handled `delivered` messages. */
  credit(delivered: number): void {
    this.delivered = delivered;
    this.wake?.();
  }

  async run(): Promise<void> {
    const { warmupMs, durationMs, onewayWindow } = this.settings;
    const start = performance.now();
    const end = start + warmupMs + durationMs;
    let sent = 0;
    let settled = 0;
    let failed = 0;
    const ticker = new ProgressTicker(() => ({
      fraction: Math.min(1, (performance.now() - start) / (warmupMs + durationMs)),
      info: `${formatCount(this.delivered)} msgs handled`,
    })).start();
    while (performance.now() < end) {
      const room = onewayWindow - (sent - this.delivered);
      if (room <= 0) {
        // Woken by the next credit; re-checks now and then in case messages were lost.
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, 100).unref();
        });
        this.wake = undefined;
        continue;
      }
      for (let i = Math.min(room, BATCH); i > 0; i--) {
        this.sender.emit(makePayload(sent++)).then(
          () => (settled += 1),
          () => ((settled += 1), (failed += 1)),
        );
      }
      await yieldToLoop();
    }
    while (settled < sent) await sleep(1);
    ticker.stop();
    if (failed) process.stderr.write(`[oneway] ${failed} sends failed\n`);
    tell({ t: 'sent', total: sent - failed });
  }
}
