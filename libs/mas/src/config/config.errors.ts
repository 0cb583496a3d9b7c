import { MasError } from '../errors/mas.error';

/** Settings that fail validation at start-up; the message names each key and its problem. */
export class ConfigValidationError extends MasError {
  override readonly code = 'CONFIG_INVALID';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration (${source}):\n  - ${problems.join('\n  - ')}`);
  }
}
