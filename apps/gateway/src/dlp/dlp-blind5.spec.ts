import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The fifth blind set (test/gateway/dlp-blind5.jsonl, built by test/gateway/dlp-blind5/build_blind5.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 258 formats none of the other sets use. Scored twice, nobody having read its
// misses (only per-type counts were printed): before the round tuned on dlp-blind4.jsonl, precision
// 0.981, recall 0.823 (102 of 558 samples wrong); after it, 0.985 / 0.835 (94 wrong; per type in
// apps/gateway/README.md). That is the estimate on unseen formats. The floors are that score: they keep
// it from getting worse while it stays unseen; nobody tunes on this set without saying so here.
const FLOOR = { precision: 0.985, recall: 0.835 };

describe('DLP on the fifth blind set (never tuned on)', () => {
  const corpus = scoredCorpus('dlp-blind5.jsonl');

  itHasSize(corpus, { samples: 500, negatives: 200, perType: 25 });
  itHoldsFloors(corpus.score, FLOOR);
});
