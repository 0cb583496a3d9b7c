import { describe, expect, it } from 'vitest';
import { itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The third blind set (test/gateway/dlp-blind3.jsonl, built by test/gateway/dlp-blind3/build_blind3.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor the other corpora, in 76 formats. Scored twice, nobody having read its misses: on the scanner
// before the round tuned on dlp-blind.jsonl, precision 0.961, recall 0.797 (85 of 498 samples wrong);
// after it, 0.972 / 0.855 (61 wrong; per type in apps/gateway/README.md). That is the estimate on unseen
// formats now. The floors are that score: they keep it from getting worse while it stays unseen; nobody
// tunes on this set without saying so here.
const FLOOR = { precision: 0.972, recall: 0.855 };

describe('DLP on the third blind set (never tuned on)', () => {
  const { samples, score } = scoredCorpus('dlp-blind3.jsonl');

  it('has at least 400 samples with 150 hard negatives and 20 positives of every type', () => {
    expect(samples.length).toBeGreaterThanOrEqual(400);
    expect(samples.filter((s) => !s.types.length).length).toBeGreaterThanOrEqual(150);
    for (const row of score.rows) expect(row.tp + row.fn, row.type).toBeGreaterThanOrEqual(20);
  });

  itHoldsFloors(score, FLOOR);
});
