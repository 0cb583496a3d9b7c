import { describe, expect, it } from 'vitest';
import { itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The fourth blind set (test/gateway/dlp-blind4.jsonl, built by test/gateway/dlp-blind4/build_blind4.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 137 formats none of the other sets use. Scored twice, nobody having read its
// misses (only per-type counts were printed): before the round tuned on dlp-blind3.jsonl, precision
// 0.965, recall 0.828 (126 of 670 samples wrong); after it, 0.969 / 0.858 (113 wrong; per type in
// apps/gateway/README.md). That is the estimate on unseen formats. The floors are that score: they keep
// it from getting worse while it stays unseen; nobody tunes on this set without saying so here.
const FLOOR = { precision: 0.969, recall: 0.858 };

describe('DLP on the fourth blind set (never tuned on)', () => {
  const { samples, score } = scoredCorpus('dlp-blind4.jsonl');

  it('has at least 450 samples with 170 hard negatives and 25 positives of every type', () => {
    expect(samples.length).toBeGreaterThanOrEqual(450);
    expect(samples.filter((s) => !s.types.length).length).toBeGreaterThanOrEqual(170);
    for (const row of score.rows) expect(row.tp + row.fn, row.type).toBeGreaterThanOrEqual(25);
  });

  itHoldsFloors(score, FLOOR);
});
