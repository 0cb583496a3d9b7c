import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The sixth blind set (test/gateway/dlp-blind6.jsonl, built by test/gateway/dlp-blind6/build_blind6.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 306 formats none of the other sets use. Scored blind (only per-type counts
// printed) before and after the round tuned on dlp-blind5.jsonl: precision 0.969, recall 0.865, then
// 0.973 / 0.888 (125 of 885 samples wrong; per type in apps/gateway/README.md). Not tuned on: it is the
// estimate on unseen formats, and these floors hold that estimate so that no later change lowers it
// unseen. The goal (0.98 overall, 0.97 per type) is not met here; the per-type floor is the weakest
// type's recall (password 0.716).
const FLOOR = { precision: 0.973, recall: 0.888, perType: 0.71 };

describe('DLP on the sixth blind set (not tuned on: the estimate)', () => {
  const corpus = scoredCorpus('dlp-blind6.jsonl');

  itHasSize(corpus, { samples: 800, negatives: 200, perType: 27 });
  itHoldsFloors(corpus.score, FLOOR);
});
