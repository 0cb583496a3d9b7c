/**
 * Base class of every error MAS throws. Callers branch on the subclass, never on the message text.
 */
export class MasError extends Error {
  /** Stable machine-readable code, also used on the wire for error replies. */
  readonly code: string = 'MAS_ERROR';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
