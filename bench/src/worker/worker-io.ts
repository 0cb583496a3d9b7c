import type { FromWorker, ToWorker } from '../shared/bench.interfaces';

/** Sends a message to the orchestrator. */
export function tell(message: FromWorker): void {
  process.send?.(message);
}

/** Calls `handler` for each message from the orchestrator. */
export function listen(handler: (message: ToWorker) => void): void {
  process.on('message', (message: ToWorker) => handler(message));
}

const cleanups = new Set<() => Promise<void>>();

/**
 * Registers clean-up to run if the worker is told to stop (or loses the orchestrator) before the
 * scenario finished: what a scenario created in Redis is removed even then. Returns the unregister.
 */
export function atShutdown(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs the registered clean-ups (see {@link atShutdown}). */
export async function runCleanups(): Promise<void> {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    await cleanup().catch((error: unknown) => process.stderr.write(`clean-up failed: ${String(error)}\n`));
  }
}

/** Reports progress to the orchestrator every 250 ms while running. */
export class ProgressTicker {
  private timer?: NodeJS.Timeout;

  constructor(private readonly probe: () => { fraction: number; info: string }) {}

  start(): this {
    this.timer = setInterval(() => tell({ t: 'progress', ...this.probe() }), 250);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    tell({ t: 'progress', fraction: 1, info: this.probe().info });
  }
}

/** `n` formatted with thousands separators. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
