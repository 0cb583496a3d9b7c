import { createPublicKey, KeyObject, verify } from 'node:crypto';
import type Redis from 'ioredis';
import type { MasKeySpace } from '../redis/keys';
import { RecentSet } from '../util/recent-set';
import { GATEWAY_SIGNATURE_FIELD, gatewayBatchSigningInput, gatewayRecordDigest, gatewaySignedBytes, gatewaySignedTextOf } from './gateway-signature';
import { inVerifiedTree, merkleTextLeaf } from './merkle-proof';

/** Least time between two reloads of the gateway keys (an unknown key id triggers one). */
const REFRESH_EVERY_MS = 1_000;
/** Nodes of verified batch trees remembered (about one per record received). */
const VERIFIED_NODES_KEPT = 16_384;

/**
 * What a gateway-mode agent trusts: the Ed25519 keys the gateways published
 * (`mas:gateway:public_keys`, key id → PEM), loaded on first use and again when a signature names a
 * key not seen yet (at most once a second, so forged key ids cannot make it hammer Redis).
 * Decisions and deliveries come signed in batches (one signature over the root of a hash tree of
 * their digests, each with its path): the nodes on the path to a root whose signature was verified
 * are remembered, so another record of its batch costs its digest and the hashes of its path up to
 * the first remembered node (a couple on average) — a record whose path meets no verified node has
 * its signature checked, and is refused when it fails.
 */
export class GatewayTrust {
  private readonly keys = new Map<string, KeyObject>();
  private refreshing?: Promise<void>;
  private refreshedAt = 0;
  /** Per key id, the nodes (32 bytes as latin1) of batch trees whose root that key's signature was verified for, roots included. */
  private readonly verifiedNodes = new Map<string, RecentSet<string>>();

  constructor(
    private readonly redis: Redis,
    private readonly names: MasKeySpace,
  ) {}

  /**
   * True when `record` (a parsed envelope; `raw`, its text as received, when the caller has it)
   * carries a valid signature of a published gateway key. Answers at once (no promise) when the key
   * is known already.
   */
  verify(record: Record<string, unknown>, raw?: string): boolean | Promise<boolean> {
    const keyId = (record[GATEWAY_SIGNATURE_FIELD] as { key_id?: unknown } | undefined)?.key_id;
    if (typeof keyId !== 'string') return false;
    if (this.keys.has(keyId)) return this.check(record, raw, keyId);
    return this.refresh().then(() => this.check(record, raw, keyId));
  }

  private check(record: Record<string, unknown>, raw: string | undefined, keyId: string): boolean {
    const key = this.keys.get(keyId);
    if (!key) return false;
    try {
      const block = record[GATEWAY_SIGNATURE_FIELD] as { alg?: unknown; value?: unknown; path?: unknown };
      if (block.alg === 'ed25519-merkle') {
        // The bytes received first (the gateway writes the signed text as it is, its block appended),
        // the record in canonical form when they were written otherwise.
        const text = raw === undefined ? undefined : gatewaySignedTextOf(raw);
        if (text !== undefined && this.verifyInBatch(merkleTextLeaf(text), block, keyId, key)) return true;
        return this.verifyInBatch(gatewayRecordDigest(record), block, keyId, key);
      }
      const signed = gatewaySignedBytes(record);
      return !!signed && verify(null, signed.input, key, signed.signature);
    } catch {
      return false;
    }
  }

  /** {@link verify} of a batch-signed record given its leaf: done once its path meets a verified node. */
  private verifyInBatch(leaf: Buffer, block: { value?: unknown; path?: unknown }, keyId: string, key: KeyObject): boolean {
    const value = block.value;
    if (typeof value !== 'string') return false;
    return inVerifiedTree(leaf, block.path, this.verifiedNodesOf(keyId), (root) => verify(null, gatewayBatchSigningInput(root), key, Buffer.from(value, 'base64')));
  }

  /** The verified nodes of key `keyId` (the set is made on first use: only for a key known to {@link keys}). */
  private verifiedNodesOf(keyId: string): RecentSet<string> {
    let verified = this.verifiedNodes.get(keyId);
    if (!verified) this.verifiedNodes.set(keyId, (verified = new RecentSet<string>(VERIFIED_NODES_KEPT)));
    return verified;
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
