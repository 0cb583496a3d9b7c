import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The eleventh blind set (test/gateway/dlp-blind11.jsonl, built by test/gateway/dlp-blind11/build_blind11.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, 290 systems in three renderings each plus negative-only formats (915 formats none
// of the other sets use), while the round tuned on dlp-blind10.jsonl ran. Scored blind (only per-type counts
// printed, no sample read) before and after that round: precision 0.992, recall 0.898 (310 of 2,537 wrong),
// then 0.992 / 0.904 (298 wrong; per type in apps/gateway/README.md). Not tuned on: it is the estimate on
// unseen formats, and these floors hold it. The goal (0.98 overall, 0.97 per type) is met for precision,
// not for recall; the per-type floor is the weakest type's (health insurance recall 0.631).
const FLOOR = { precision: 0.992, recall: 0.904, perType: 0.631 };

describe('DLP on the eleventh blind set (not tuned on: the estimate)', () => {
  const corpus = scoredCorpus('dlp-blind11.jsonl');

  itHasSize(corpus, { samples: 2_500, negatives: 1_000, perType: 70 });
  itHoldsFloors(corpus.score, FLOOR);
});
