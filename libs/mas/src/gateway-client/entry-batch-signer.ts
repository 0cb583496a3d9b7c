import type { KeyObject } from 'node:crypto';
import { EntrySignature, MAX_ENTRY_BATCH, signEnvelopeTexts } from './entry-signature';

interface Waiting {
  text: string;
  sender: string;
  target: string;
  resolve: (signature: EntrySignature) => void;
  reject: (error: unknown) => void;
}

/**
 * Signs the envelope texts a provisioned agent submits during one event-loop turn together
 * ({@link signEnvelopeTexts}): one Ed25519 signature per batch instead of one per entry, each entry
 * with its path. A sender with one message at a time signs it alone, as before.
 */
export class EntryBatchSigner {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly privateKey: KeyObject) {}

  /** The signature of `text` (from `route.sender` to `route.target`), signed with the others of this turn. */
  sign(text: string, route: { sender: string; target: string }): Promise<EntrySignature> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ text, sender: route.sender, target: route.target, resolve, reject });
      if (this.waiting.length >= MAX_ENTRY_BATCH) this.flush();
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
    let signatures: EntrySignature[];
    try {
      signatures = signEnvelopeTexts(batch, this.privateKey);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(signatures[i]));
  }
}
