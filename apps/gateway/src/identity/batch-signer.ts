import type { KeyObject } from 'node:crypto';
import { gatewayBatchSignatures, gatewayRecordDigest, type GatewaySignatureBlock, TurnBatch } from '@mas/core';

/** Most records signed together (their paths stay at most 10 steps long). */
const MAX_BATCH = 1_024;

/**
 * Signs the records asked for during one event-loop turn together: one Ed25519 signature over the
 * root of the hash tree of their digests, each record getting its path to the root
 * (`ed25519-merkle`, see `GatewayBatchSignatureBlock`). The decisions and deliveries of an ingress
 * batch are asked for in the same turns, so a batch costs one signature instead of two per message,
 * and an agent verifies one signature per batch (it remembers verified roots).
 */
export class BatchSigner {
  private readonly batch: TurnBatch<Buffer, GatewaySignatureBlock>;

  constructor(privateKey: KeyObject, keyId: string) {
    this.batch = new TurnBatch<Buffer, GatewaySignatureBlock>((digests) => gatewayBatchSignatures(digests, privateKey, keyId), MAX_BATCH);
  }

  /**
   * The signature block of `record`, signed with the others of this turn.
   * @throws what canonical JSON throws on a record that is not JSON (at once, alone).
   */
  sign(record: Record<string, unknown>): Promise<GatewaySignatureBlock> {
    return this.signDigest(gatewayRecordDigest(record));
  }

  /** {@link sign} given the record's digest (`gatewayRecordDigest`). */
  signDigest(digest: Buffer): Promise<GatewaySignatureBlock> {
    return this.batch.add(digest);
  }
}
