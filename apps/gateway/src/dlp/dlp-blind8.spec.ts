import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The eighth blind set (test/gateway/dlp-blind8.jsonl, built by test/gateway/dlp-blind8/build_blind8.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 563 formats none of the other sets use, while the round tuned on
// dlp-blind7.jsonl ran. Scored blind (only per-type counts printed, no sample read) before and after that
// round: precision 0.982, recall 0.831 (371 of 1,686 wrong), then 0.981 / 0.853 (327 wrong; per type in
// apps/gateway/README.md). Not tuned on: it is the estimate on unseen formats, and these floors hold it so
// that no later change lowers it unseen. The goal (0.98 overall, 0.97 per type) is met for precision, not
// for recall; the per-type floor is the weakest type's recall (health insurance 0.510).
const FLOOR = { precision: 0.981, recall: 0.853, perType: 0.51 };

describe('DLP on the eighth blind set (not tuned on: the estimate)', () => {
  const corpus = scoredCorpus('dlp-blind8.jsonl');

  itHasSize(corpus, { samples: 1_600, negatives: 380, perType: 50 });
  itHoldsFloors(corpus.score, FLOOR);
});
