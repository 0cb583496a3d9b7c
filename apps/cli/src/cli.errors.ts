/**
 * @mas/core when something loaded it already: its errors cannot exist otherwise, and commands that
 * never touch Redis (help, audit) should not load it (and Nest with it) just to check for them.
 */
function loadedCore(): typeof import('@mas/core') | undefined {
  const path = require.resolve('@mas/core');
  return require.cache[path] ? (require(path) as typeof import('@mas/core')) : undefined;
}

/**
 * Exit codes of `mas`, stable for scripts:
 * 0 ok · 1 error · 2 usage (bad arguments, bad JSON, bad config) · 3 not found (agent, entry, role,
 * nobody listening) · 4 timeout (no reply, gateway too slow) · 5 verification failed (audit chain broken).
 */
export const ExitCode = {
  OK: 0,
  ERROR: 1,
  USAGE: 2,
  NOT_FOUND: 3,
  TIMEOUT: 4,
  VERIFY_FAILED: 5,
} as const;

/** One of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI reports with its own exit code and a machine-readable code for `--json`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.ERROR,
    readonly code: string = 'ERROR',
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad arguments or options (exit 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.USAGE, 'USAGE');
  }
}

/** The agent, entry or role asked for does not exist (exit 3). */
export class NotFoundError extends CliError {
  constructor(message: string, details?: unknown) {
    super(message, ExitCode.NOT_FOUND, 'NOT_FOUND', details);
  }
}

/** Something did not answer in time (exit 4). */
export class CliTimeoutError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.TIMEOUT, 'TIMEOUT');
  }
}

/** A check ran and failed, e.g. a broken audit chain (exit 5). */
export class VerificationFailedError extends CliError {
  constructor(message: string, details?: unknown) {
    super(message, ExitCode.VERIFY_FAILED, 'VERIFY_FAILED', details);
  }
}

/** The exit code that `error` means. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof CliError) return error.exitCode;
  const core = loadedCore();
  if (core && error instanceof core.RequestTimeoutError) return ExitCode.TIMEOUT;
  if (core && error instanceof core.UnknownTargetError) return ExitCode.NOT_FOUND;
  if (core && error instanceof core.ConfigValidationError) return ExitCode.USAGE;
  if (core && (error instanceof core.InvalidAgentIdError || error instanceof core.InvalidManifestError)) return ExitCode.USAGE;
  return ExitCode.ERROR;
}

/** `{ code, message, ...details }` of an error, for `--json` output. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof CliError) {
    return { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) };
  }
  const core = loadedCore();
  if (core && error instanceof core.RemoteHandlerError) {
    return { code: error.code, message: error.message, remoteType: error.remoteType, details: error.details };
  }
  if (core && error instanceof core.PayloadValidationError) return { code: error.code, message: error.message, violations: error.violations };
  if (core && error instanceof core.MasError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'ERROR', message: error.message };
  return { code: 'ERROR', message: String(error) };
}
