import { Injectable, Logger } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import { RegistrySettings } from '../config/registry.settings';

/** How expiries reach the monitor. */
export type NotificationMode =
  /** `Ex` flags are on (read with CONFIG, or seen at work): expiries are pushed as they happen. */
  | 'enabled'
  /** Not permitted to read or set the flags: the sweep alone detects expiries (unless an operator enabled them). */
  | 'unavailable'
  /** `monitor.enableKeyspaceNotifications` is false: flags left as they are. */
  | 'not-managed';

const SETTING = 'notify-keyspace-events';

/** Flags to add to `current` so expired-key events are published on the keyevent channel. */
export function missingExpiryFlags(current: string): string {
  const hasExpired = current.includes('x') || current.includes('A');
  return `${current.includes('E') ? '' : 'E'}${hasExpired ? '' : 'x'}`;
}

/**
 * Turns on keyspace notifications for expired keys where the server permits `CONFIG SET`.
 * The setting is server-wide, so flags are only ever ADDED, never removed.
 */
@Injectable()
export class KeyspaceNotifications {
  private readonly logger = new Logger(KeyspaceNotifications.name);

  constructor(
    private readonly connection: MasConnection,
    private readonly settings: RegistrySettings,
  ) {}

  /**
   * Makes sure `Ex` is set; logs what it did and what detection relies on otherwise. Where CONFIG is
   * refused (a service user, a managed Redis), `probe` tells whether an operator turned them on:
   * it resolves true once the expiry of a key of its own was published.
   */
  async enable(probe?: () => Promise<boolean>): Promise<NotificationMode> {
    const sweep = `expiries are detected by the sweep every ${this.settings.monitor.checkIntervalMs} ms`;
    if (!this.settings.monitor.enableKeyspaceNotifications) {
      this.logger.log(`Not touching ${SETTING} (monitor.enableKeyspaceNotifications=false); ${sweep} unless it includes "Ex"`);
      return 'not-managed';
    }
    try {
      // On a cluster each node publishes its own expiries: every node, replicas too (one may be promoted).
      for (const node of await this.connection.readyNodes()) {
        const where = this.connection.isCluster ? ` on ${node.options.host}:${node.options.port}` : '';
        const reply = (await node.config('GET', SETTING)) as unknown as string[];
        const current = reply[1] ?? '';
        const missing = missingExpiryFlags(current);
        if (!missing) {
          this.logger.log(`Keyspace notifications for expired keys already on${where} (${SETTING}="${current}")`);
        } else {
          await node.config('SET', SETTING, current + missing);
          this.logger.log(`Enabled keyspace notifications for expired keys${where} (${SETTING}: "${current}" -> "${current + missing}")`);
        }
      }
      return 'enabled';
    } catch (error) {
      const refused = `CONFIG refused: ${(error as Error).message}`;
      if (probe && (await probe().catch(() => false))) {
        this.logger.log(`Keyspace notifications for expired keys are on (${refused}; the expiry of a probe key was published)`);
        return 'enabled';
      }
      this.logger.warn(`Cannot enable keyspace notifications (${refused}); ${sweep}`);
      return 'unavailable';
    }
  }
}
