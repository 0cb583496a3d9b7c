import type { LoggerService } from '@nestjs/common';

/** Logger that keeps warnings and errors only (the bench's workers print nothing routine). */
export const silentLogger: LoggerService = {
  log: () => undefined,
  debug: () => undefined,
  verbose: () => undefined,
  warn: (message: unknown) => process.stderr.write(`[warn] ${String(message)}\n`),
  error: (message: unknown) => process.stderr.write(`[error] ${String(message)}\n`),
};
