import { MultiBar, Presets, SingleBar } from 'cli-progress';

const SCALE = 1_000;

/**
 * Two progress bars on stderr (cli-progress): the whole run, and the task running now.
 * On a terminal they redraw in place; elsewhere (CI, a pipe) a snapshot is printed every 10 s.
 */
export class BenchProgress {
  private readonly bars: MultiBar;
  private readonly overall: SingleBar;
  private readonly current: SingleBar;
  private readonly tty = Boolean(process.stderr.isTTY);
  private done = 0;

  constructor(private readonly tasks: number) {
    this.bars = new MultiBar(
      {
        format: '{label} |{bar}| {percentage}% | {info}',
        hideCursor: true,
        clearOnComplete: false,
        barsize: 30,
        noTTYOutput: true,
        notTTYSchedule: 10_000,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    this.overall = this.bars.create(tasks * SCALE, 0, { label: 'overall'.padEnd(28), info: `0/${tasks} tasks` });
    this.current = this.bars.create(SCALE, 0, { label: ''.padEnd(28), info: '' });
  }

  /** A task starts. */
  begin(label: string, elapsedS: number): void {
    this.current.update(0, { label: label.padEnd(28), info: 'starting' });
    this.overall.update(this.done * SCALE, { info: this.overallInfo(elapsedS) });
  }

  /** Progress of the running task (0..1). */
  update(fraction: number, info: string, elapsedS: number): void {
    this.current.update(Math.round(fraction * SCALE), { info });
    this.overall.update(Math.round((this.done + fraction) * SCALE), { info: this.overallInfo(elapsedS) });
  }

  /** A task ended; `line` is printed above the bars. */
  end(line: string, elapsedS: number): void {
    this.done += 1;
    this.current.update(SCALE, {});
    this.overall.update(this.done * SCALE, { info: this.overallInfo(elapsedS) });
    this.log(line);
  }

  /** A line above the bars (directly on stderr when not on a terminal). */
  log(line: string): void {
    if (this.tty) this.bars.log(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  }

  stop(): void {
    this.bars.stop();
  }

  private overallInfo(elapsedS: number): string {
    return `${this.done}/${this.tasks} tasks, ${Math.round(elapsedS)} s elapsed`;
  }
}
