import type { KeyObject } from 'node:crypto';
import { gatewayBatchSignatures, gatewayRecordDigest, type GatewaySignatureBlock } from '@mas/core';

/** Most records signed together (their paths stay at most 10 steps long). */
const MAX_BATCH = 1_024;

interface Waiting {
  digest: Buffer;
  resolve: (block: GatewaySignatureBlock) => void;
  reject: (error: unknown) => void;
}

/**
 * Signs the records asked for during one event-loop turn together: one Ed25519 signature over the
 * root of the hash tree of their digests, each record getting its path to the root
 * (`ed25519-merkle`, see `GatewayBatchSignatureBlock`). The decisions and deliveries of an ingress
 * batch are asked for in the same turns, so a batch costs one signature instead of two per message,
 * and an agent verifies one signature per batch (it remembers verified roots).
 */
export class BatchSigner {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly privateKey: KeyObject,
    private readonly keyId: string,
  ) {}

  /**
   * The signature block of `record`, signed with the others of this turn.
   * @throws what canonical JSON throws on a record that is not JSON (at once, alone).
   */
  sign(record: Record<string, unknown>): Promise<GatewaySignatureBlock> {
    return this.signDigest(gatewayRecordDigest(record));
  }

  /** {@link sign} given the record's digest (`gatewayRecordDigest`). */
  signDigest(digest: Buffer): Promise<GatewaySignatureBlock> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ digest, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    if (!batch.length) return;
    let blocks: GatewaySignatureBlock[];
    try {
      blocks = gatewayBatchSignatures(
        batch.map((w) => w.digest),
        this.privateKey,
        this.keyId,
      );
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => w.resolve(blocks[i]));
  }
}
