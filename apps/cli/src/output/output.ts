import { styleText } from 'node:util';
import { describeError } from '../cli.errors';
import { renderTable, TableColumn } from './table';

type Style = Parameters<typeof styleText>[0];

/**
 * True when colour codes should be written to `stream`: only on a TTY, never with `--no-color`,
 * `NO_COLOR` or `TERM=dumb`; `FORCE_COLOR` (not `0`) forces them.
 */
export function shouldColor(stream: { isTTY?: boolean }, wanted: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!wanted || env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return !!stream.isTTY && env.TERM !== 'dumb';
}

/**
 * Everything the CLI prints goes through here: results on stdout (JSON with `--json`, text
 * otherwise), notes and errors on stderr, colours only when {@link shouldColor} says so.
 */
export class Output {
  private readonly color: boolean;
  private readonly errColor: boolean;

  constructor(
    /** `--json`: results as JSON on stdout, errors as JSON on stderr. */
    readonly json: boolean,
    color: boolean,
    private readonly stdout: NodeJS.WriteStream = process.stdout,
    private readonly stderr: NodeJS.WriteStream = process.stderr,
  ) {
    this.color = shouldColor(stdout, color);
    this.errColor = shouldColor(stderr, color);
  }

  /** Prints the result of a command: `data` as JSON with `--json`, `human()` otherwise. */
  result(data: unknown, human: () => string): void {
    if (this.json) this.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    else {
      const text = human();
      if (text) this.stdout.write(`${text}\n`);
    }
  }

  /** Prints one event of a stream (`mas watch`): one compact JSON object per line with `--json`. */
  event(data: unknown, human: () => string): void {
    this.stdout.write(`${this.json ? JSON.stringify(data) : human()}\n`);
  }

  /** A note for people on stderr (not printed with `--json`). */
  note(text: string): void {
    if (!this.json) this.stderr.write(`${this.styleErr('dim', text)}\n`);
  }

  /** A warning on stderr (printed with `--json` too: stdout stays parseable). */
  warn(text: string): void {
    this.stderr.write(`${this.styleErr('yellow', `warning: ${text}`)}\n`);
  }

  /** Reports a failure on stderr: `{"error": {...}, "exitCode": n}` with `--json`, a red line otherwise. */
  error(error: unknown, exitCode: number): void {
    const described = describeError(error);
    if (this.json) {
      this.stderr.write(`${JSON.stringify({ error: described, exitCode })}\n`);
      return;
    }
    this.stderr.write(`${this.styleErr('red', `error: ${String(described.message)}`)}\n`);
    if (described.details !== undefined && described.code !== 'NOT_FOUND') {
      this.stderr.write(`${this.styleErr('dim', `  details: ${JSON.stringify(described.details)}`)}\n`);
    }
  }

  /** A table with a bold header, for stdout. */
  table(columns: TableColumn[], rows: string[][]): string {
    return renderTable(columns, rows, (text) => this.style('bold', text));
  }

  /** `text` styled for stdout (unchanged when colours are off). */
  style(format: Style, text: string): string {
    return this.color ? styleText(format, text) : text;
  }

  /** `text` styled for stderr. */
  styleErr(format: Style, text: string): string {
    return this.errColor ? styleText(format, text) : text;
  }

  /** Green for ACTIVE, red for INACTIVE, as is otherwise. */
  status(status: string): string {
    return this.style(status === 'ACTIVE' ? 'green' : status === 'INACTIVE' ? 'red' : 'reset', status);
  }
}
