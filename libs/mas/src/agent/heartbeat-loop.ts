import type { MasLogger } from '../util/mas-logger';

/**
 * The heartbeat loop both presences share (the registry's own, and the gateway-registered one of
 * provisioned agents): a beat every `intervalMs` while registered, one beat at a time — while one
 * waits (Redis unreachable) later ones are skipped, so no burst replays on reconnect — and a failed
 * beat is logged, never thrown.
 */
export abstract class HeartbeatLoop {
  private timer?: NodeJS.Timeout;
  private beating?: Promise<void>;

  protected constructor(
    private readonly intervalMs: number,
    protected readonly logger: MasLogger,
  ) {}

  /** Refreshes the heartbeat now (registering again when the registration is gone). */
  async beat(): Promise<void> {
    if (!this.isRegistered || this.beating) return this.beating;
    this.beating = this.beatOnce()
      .catch((error: unknown) => this.logger.warn?.(`Heartbeat failed: ${(error as Error).message}`))
      .finally(() => (this.beating = undefined));
    return this.beating;
  }

  /** Stops the heartbeat loop. */
  stopHeartbeat(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Starts beating every `intervalMs` (after a successful registration). */
  protected startHeartbeat(): void {
    this.stopHeartbeat();
    this.timer = setInterval(() => void this.beat(), this.intervalMs);
  }

  /** True while there is a registration to keep alive. */
  protected abstract get isRegistered(): boolean;

  /** One heartbeat; may throw (logged by {@link beat}). */
  protected abstract beatOnce(): Promise<void>;
}
