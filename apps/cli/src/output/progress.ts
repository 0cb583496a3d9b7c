import { Presets, SingleBar } from 'cli-progress';

/** How long an operation runs before its bar appears (quick ones never show one). */
const SHOW_AFTER_MS = 250;

/**
 * A progress bar on stderr for long operations (replay, export). Shown only on a TTY, never with
 * `--json`, and only once the operation has run for a moment; otherwise every call is a no-op.
 */
export class Progress {
  private bar?: SingleBar;
  private value = 0;
  private readonly startedAt = Date.now();

  private constructor(
    private readonly label: string,
    private total: number,
    private readonly enabled: boolean,
  ) {}

  /** A bar for `total` steps; `interactive` is false for `--json` or when stderr is not a terminal. */
  static start(label: string, total: number, interactive: boolean): Progress {
    return new Progress(label, total, interactive && !!process.stderr.isTTY);
  }

  /** Advances by `steps`. */
  tick(steps = 1): void {
    this.value += steps;
    if (!this.enabled) return;
    if (!this.bar && Date.now() - this.startedAt >= SHOW_AFTER_MS) {
      this.bar = new SingleBar(
        {
          format: `${this.label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
          stream: process.stderr,
          hideCursor: true,
          etaBuffer: 50,
        },
        Presets.shades_classic,
      );
      this.bar.start(Math.max(this.total, this.value), this.value);
    } else {
      this.bar?.update(this.value);
    }
  }

  /** Raises the total when it was not known up front (e.g. pages still arriving). */
  setTotal(total: number): void {
    this.total = total;
    this.bar?.setTotal(total);
  }

  /** Removes the bar (leaves the last state on screen). */
  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
