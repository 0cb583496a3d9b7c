import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The ninth blind set (test/gateway/dlp-blind9.jsonl, built by test/gateway/dlp-blind9/build_blind9.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 628 formats none of the other sets use, while the round tuned on
// dlp-blind8.jsonl ran. Scored blind (only per-type counts printed, no sample read) before and after that
// round: precision 0.971, recall 0.874 (246 of 1,673 wrong), then 0.971 / 0.885 (231 wrong; per type in
// apps/gateway/README.md). Not tuned on: it is the estimate on unseen formats, and these floors hold it so
// that no later change lowers it unseen. The goal (0.98 overall, 0.97 per type) is met for neither
// precision nor recall here; the per-type floor is the weakest type's (password recall 0.735).
const FLOOR = { precision: 0.971, recall: 0.885, perType: 0.735 };

describe('DLP on the ninth blind set (not tuned on: the estimate)', () => {
  const corpus = scoredCorpus('dlp-blind9.jsonl');

  itHasSize(corpus, { samples: 1_600, negatives: 600, perType: 60 });
  itHoldsFloors(corpus.score, FLOOR);
});
