/**
 * Logging without Nest: the runtime logs through {@link MasLogger} (the shape of Nest's
 * `LoggerService`, so a Nest `Logger` is one), built by one process-wide factory. Standalone, it
 * writes Nest-like lines to stdout/stderr; loading `@mas/core/nest` routes every library log
 * through Nest's `Logger` (so `app.useLogger()` and `Logger.overrideLogger()` apply).
 */

/** A logger MAS writes to: structurally Nest's `LoggerService`. */
export interface MasLogger {
  log(message: unknown, ...optionalParams: unknown[]): void;
  error(message: unknown, ...optionalParams: unknown[]): void;
  warn(message: unknown, ...optionalParams: unknown[]): void;
  debug?(message: unknown, ...optionalParams: unknown[]): void;
  verbose?(message: unknown, ...optionalParams: unknown[]): void;
  fatal?(message: unknown, ...optionalParams: unknown[]): void;
}

/** Levels of the built-in console logger. */
export type MasLogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** Builds the logger of one context (`Agent worker`, `MasConnection`, ...). */
export type MasLoggerFactory = (context: string) => MasLogger;

/** A logger that drops everything (`logger: false`). */
export const SILENT_LOGGER: MasLogger = Object.freeze({
  log: () => undefined,
  error: () => undefined,
  warn: () => undefined,
  debug: () => undefined,
  verbose: () => undefined,
  fatal: () => undefined,
});

const DEFAULT_LEVELS: MasLogLevel[] = ['fatal', 'error', 'warn', 'log'];

let levels = new Set<MasLogLevel>(DEFAULT_LEVELS);
let factory: MasLoggerFactory = (context) => new ConsoleMasLogger(context);

/** Nest-like lines: `[MAS] 4242  - 2026-01-01T00:00:00.000Z     LOG [Agent worker] Started`. */
class ConsoleMasLogger implements MasLogger {
  constructor(private readonly context: string) {}
  log(message: unknown): void {
    this.write('log', message);
  }
  error(message: unknown, stack?: unknown): void {
    this.write('error', message, typeof stack === 'string' ? stack : undefined);
  }
  warn(message: unknown): void {
    this.write('warn', message);
  }
  debug(message: unknown): void {
    this.write('debug', message);
  }
  verbose(message: unknown): void {
    this.write('verbose', message);
  }
  fatal(message: unknown): void {
    this.write('fatal', message);
  }
  private write(level: MasLogLevel, message: unknown, stack?: string): void {
    if (!levels.has(level)) return;
    const text = message instanceof Error ? (message.stack ?? message.message) : typeof message === 'string' ? message : JSON.stringify(message);
    const line = `[MAS] ${process.pid}  - ${new Date().toISOString()} ${level.toUpperCase().padStart(7)} [${this.context}] ${text}${stack ? `\n${stack}` : ''}\n`;
    (level === 'error' || level === 'fatal' || level === 'warn' ? process.stderr : process.stdout).write(line);
  }
}

/** Forwards to the logger the current factory builds, so a factory set later still applies. */
class ContextMasLogger implements MasLogger {
  private built?: { factory: MasLoggerFactory; logger: MasLogger };
  constructor(private readonly context: string) {}
  log(message: unknown, ...rest: unknown[]): void {
    this.target().log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.target().error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.target().warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.target().debug?.(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.target().verbose?.(message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    const target = this.target();
    (target.fatal ?? target.error).call(target, message, ...rest);
  }
  private target(): MasLogger {
    if (this.built?.factory !== factory) this.built = { factory, logger: factory(this.context) };
    return this.built.logger;
  }
}

/** The library logger of `context`. */
export function masLogger(context: string): MasLogger {
  return new ContextMasLogger(context);
}

/**
 * Where library logs go, process-wide: `logger` a factory (`(context) => new Logger(context)`), or
 * `false` to silence them; `levels` filters the built-in console logger.
 *
 * @example
 * ```ts
 * configureMasLogging({ levels: ['error', 'warn'] });
 * ```
 */
export function configureMasLogging(options: { logger?: MasLoggerFactory | false; levels?: MasLogLevel[] }): void {
  if (options.levels) levels = new Set(options.levels);
  if (options.logger === false) factory = () => SILENT_LOGGER;
  else if (options.logger) factory = options.logger;
}

/** `option` as given to an agent: a logger, `false` (silent) or absent (the library logger of `context`). */
export function resolveMasLogger(option: MasLogger | false | undefined, context: string): MasLogger {
  if (option === false) return SILENT_LOGGER;
  return option ?? masLogger(context);
}
