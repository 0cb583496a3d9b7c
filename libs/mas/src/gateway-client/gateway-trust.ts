import { createPublicKey, KeyObject, verify } from 'node:crypto';
import type Redis from 'ioredis';
import type { MasKeySpace } from '../redis/keys';
import { RecentSet } from '../util/recent-set';
import { GATEWAY_SIGNATURE_FIELD, gatewaySignedBytes } from './gateway-signature';

/** Least time between two reloads of the gateway keys (an unknown key id triggers one). */
const REFRESH_EVERY_MS = 1_000;
/** Verified batch roots remembered. */
const VERIFIED_ROOTS_KEPT = 4_096;

/**
 * What a gateway-mode agent trusts: the Ed25519 keys the gateways published
 * (`mas:gateway:public_keys`, key id → PEM), loaded on first use and again when a signature names a
 * key not seen yet (at most once a second, so forged key ids cannot make it hammer Redis).
 * Decisions and deliveries come signed in batches (one signature over the root of a hash tree of
 * their digests, each with its path): a root whose signature was verified is remembered, so the
 * other records of its batch cost a hash each — a record whose path does not lead to a verified
 * root has its signature checked, and is refused when it fails.
 */
export class GatewayTrust {
  private readonly keys = new Map<string, KeyObject>();
  private refreshing?: Promise<void>;
  private refreshedAt = 0;
  /** `key id:root` of verified batch roots. */
  private readonly verifiedRoots = new RecentSet<string>(VERIFIED_ROOTS_KEPT);

  constructor(
    private readonly redis: Redis,
    private readonly names: MasKeySpace,
  ) {}

  /** True when `record` (a parsed envelope) carries a valid signature of a published gateway key. */
  async verify(record: Record<string, unknown>): Promise<boolean> {
    const keyId = (record[GATEWAY_SIGNATURE_FIELD] as { key_id?: unknown } | undefined)?.key_id;
    if (typeof keyId !== 'string') return false;
    if (!this.keys.has(keyId)) await this.refresh();
    const key = this.keys.get(keyId);
    if (!key) return false;
    try {
      const signed = gatewaySignedBytes(record);
      if (!signed) return false;
      const remembered = signed.root && `${keyId}:${signed.root.toString('base64')}`;
      if (remembered && this.verifiedRoots.has(remembered)) return true;
      if (!verify(null, signed.input, key, signed.signature)) return false;
      if (remembered) this.verifiedRoots.add(remembered);
      return true;
    } catch {
      return false;
    }
  }

  private refresh(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    if (Date.now() - this.refreshedAt < REFRESH_EVERY_MS) return Promise.resolve();
    this.refreshing = this.redis
      .hgetall(this.names.gatewayPublicKeys)
      .then((published) => {
        for (const [id, pem] of Object.entries(published)) {
          try {
            if (!this.keys.has(id)) this.keys.set(id, createPublicKey(pem));
          } catch {
            // an unreadable key verifies nothing
          }
        }
      })
      .catch(() => undefined)
      .finally(() => {
        this.refreshedAt = Date.now();
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}
