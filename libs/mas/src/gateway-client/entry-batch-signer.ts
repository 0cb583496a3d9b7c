import type { KeyObject } from 'node:crypto';
import { TurnBatch } from '../util/turn-batch';
import { EntrySignature, MAX_ENTRY_BATCH, signEnvelopeTexts } from './entry-signature';

/**
 * Signs the envelope texts a provisioned agent submits during one event-loop turn together
 * ({@link signEnvelopeTexts}): one Ed25519 signature per batch instead of one per entry, each entry
 * with its path. A sender with one message at a time signs it alone, as before.
 */
export class EntryBatchSigner {
  private readonly batch: TurnBatch<{ text: string; sender: string; target: string }, EntrySignature>;

  constructor(privateKey: KeyObject) {
    this.batch = new TurnBatch((entries) => signEnvelopeTexts(entries, privateKey), MAX_ENTRY_BATCH);
  }

  /** The signature of `text` (from `route.sender` to `route.target`), signed with the others of this turn. */
  sign(text: string, route: { sender: string; target: string }): Promise<EntrySignature> {
    return this.batch.add({ text, sender: route.sender, target: route.target });
  }
}
