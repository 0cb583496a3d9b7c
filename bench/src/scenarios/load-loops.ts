import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LatencyRecorder } from '../shared/stats';
import { formatCount, ProgressTicker } from '../worker/worker-io';

/** Outcome of a timed load: operations per second over the measured window, latencies, failures. */
export interface LoadOutcome {
  throughput: number;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  errors: number;
  /** Operations settled (answered or failed), warm-up included. */
  ops: number;
}

/** Counts failures by kind, and says what they were on stderr once the load ends. */
export class ErrorLog {
  private readonly kinds = new Map<string, number>();

  add(error: unknown): void {
    const kind = error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : String(error);
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  report(what: string): void {
    for (const [kind, count] of [...this.kinds].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
      process.stderr.write(`[${what}] ${count} × ${kind}\n`);
    }
  }
}

export interface TimedLoad {
  warmupMs: number;
  durationMs: number;
  /** Word for the progress line (`req`, `ops`, `q`). */
  unit: string;
}

/**
 * Closed loop: `concurrency` callers each run `op` back to back. Counts the operations completing in
 * the measured window (after the warm-up) and their latencies.
 */
export async function closedLoop(op: (seq: number) => Promise<unknown>, concurrency: number, load: TimedLoad): Promise<LoadOutcome> {
  const latencies = new LatencyRecorder();
  const start = performance.now();
  const measureFrom = start + load.warmupMs;
  const end = measureFrom + load.durationMs;
  let seq = 0;
  let errors = 0;
  let ops = 0;
  const failures = new ErrorLog();
  const ticker = progressTicker(start, load, () => latencies.count).start();
  const caller = async (): Promise<void> => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      try {
        await op(seq++);
      } catch (error) {
        errors += 1;
        ops += 1;
        failures.add(error);
        continue;
      }
      ops += 1;
      const t1 = performance.now();
      if (t1 >= measureFrom && t1 <= end) latencies.add(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  ticker.stop();
  failures.report(load.unit);
  return { throughput: latencies.count / (load.durationMs / 1000), ...latencies.percentiles(), errors, ops };
}

/**
 * Open loop: offers `rate` operations per second whatever the answers do (sends what is due every
 * millisecond), each timed from its own send. Operations scheduled in the measured window count
 * (by schedule, so that a catch-up burst after a stall does not inflate them); the achieved rate
 * is their completions over the time from the window's start to the last completion.
 */
export async function openLoop(op: (seq: number) => Promise<unknown>, rate: number, load: TimedLoad & { drainMs: number }): Promise<LoadOutcome> {
  const latencies = new LatencyRecorder();
  const start = performance.now();
  const measureFrom = start + load.warmupMs;
  const end = measureFrom + load.durationMs;
  let sent = 0;
  let outstanding = 0;
  let errors = 0;
  let ops = 0;
  let lastCompletion = measureFrom;
  const failures = new ErrorLog();
  const ticker = progressTicker(start, load, () => latencies.count).start();
  const firstMeasured = Math.floor((load.warmupMs * rate) / 1000);
  const fire = (): void => {
    const t0 = performance.now();
    const measured = sent >= firstMeasured;
    outstanding += 1;
    op(sent++).then(
      () => {
        outstanding -= 1;
        ops += 1;
        if (!measured) return;
        const t1 = performance.now();
        latencies.add(t1 - t0);
        lastCompletion = t1;
      },
      (error: unknown) => {
        outstanding -= 1;
        ops += 1;
        if (measured) errors += 1;
        failures.add(error);
      },
    );
  };
  for (;;) {
    const now = performance.now();
    const due = Math.floor(((Math.min(now, end) - start) * rate) / 1000);
    while (sent < due) fire();
    if (now >= end) break;
    await sleep(1);
  }
  const drainUntil = performance.now() + load.drainMs;
  while (outstanding > 0 && performance.now() < drainUntil) await sleep(5);
  ticker.stop();
  failures.report(load.unit);
  if (outstanding) process.stderr.write(`[${load.unit}] ${outstanding} still unanswered after the drain\n`);
  const lost = outstanding;
  const window = Math.max(lastCompletion - measureFrom, load.durationMs) / 1000;
  return { throughput: latencies.count / window, ...latencies.percentiles(), errors: errors + lost, ops };
}

function progressTicker(start: number, load: TimedLoad, done: () => number): ProgressTicker {
  const total = load.warmupMs + load.durationMs;
  return new ProgressTicker(() => ({
    fraction: Math.min(1, (performance.now() - start) / total),
    info: `${formatCount(done())} ${load.unit} measured`,
  }));
}
