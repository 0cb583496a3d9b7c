import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelopeOf, loadCorpus } from './dlp-corpus.evaluation';
import { DlpScanner } from './dlp-scanner';

// Red-team pass of 2026-12-03 on the scanner's memory between messages (key paths, clean texts): a
// message's findings and redactions must depend on the message alone, whatever was scanned before.
// Each sample of every corpus is scanned by a fresh scanner and by one used scanner (samples in a
// shuffled order, then in reverse); with the clean texts remembered under the root instead of their
// key path, 10 of the 5,859 samples differ here.

const corpus = readdirSync(join(__dirname, '../../../../test/gateway'))
  .filter((file) => file.endsWith('.jsonl'))
  .flatMap((file) => loadCorpus(file).map((sample) => ({ ...sample, id: `${file}:${sample.id}` })));

/** A deterministic shuffle (LCG), so a difference found names the same samples each run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const outcome = (scanner: DlpScanner, envelope: Record<string, unknown>) => {
  const { findings, data, blocked } = scanner.scanEnvelope(envelope);
  return JSON.stringify({ findings, data, blocked });
};

describe('DLP findings do not depend on the messages scanned before', () => {
  it('every corpus sample: a used scanner (shuffled, then reversed order) finds and masks what a fresh one does', () => {
    const fresh = new Map(corpus.map((sample) => [sample.id, outcome(new DlpScanner(() => 'REDACT'), envelopeOf(sample))]));
    const used = new DlpScanner(() => 'REDACT');
    const order = shuffled(corpus, 7);
    const differing = [...order, ...order.reverse()].filter((sample) => outcome(used, envelopeOf(sample)) !== fresh.get(sample.id)).map((sample) => sample.id);
    expect(differing).toEqual([]);
  }, 60_000);

  it('a password found clean under one key is still a password under "password", and a reset inside a message changes nothing', () => {
    const message = { data: { note: 'blue-sky-42', login: { user: 'ann', password: 'blue-sky-42' }, ssn_last: '078-05-1120' } };
    const expected = outcome(new DlpScanner(() => 'REDACT'), message);
    expect(JSON.parse(expected).findings).toContainEqual({ type: 'password', action: 'REDACT', path: 'data.login.password' });
    const used = new DlpScanner(() => 'REDACT');
    used.scanEnvelope({ data: { note: 'blue-sky-42', login: { user: 'ann', comment: 'blue-sky-42' } } });
    expect(outcome(used, message)).toBe(expected);
    // Just under the 4,096 key paths remembered: the memory starts over while this message is scanned.
    for (const filler of [4_090, 4_093, 4_095]) {
      const scanner = new DlpScanner(() => 'REDACT');
      scanner.scanEnvelope({ data: Object.fromEntries(Array.from({ length: filler - 2 }, (_, i) => [`k${i}`, 'ok'])) });
      expect(outcome(scanner, message)).toBe(expected);
    }
  });
});
