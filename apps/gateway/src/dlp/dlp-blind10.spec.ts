import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The tenth blind set (test/gateway/dlp-blind10.jsonl, built by test/gateway/dlp-blind10/build_blind10.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 625 formats none of the other sets use (a masked copy of every positive format
// among its negatives), while the round tuned on dlp-blind9.jsonl ran. Scored blind (only per-type counts
// printed, no sample read) before and after that round: precision 0.981, recall 0.883 (258 of 1,875 wrong),
// then 0.979 / 0.892 (247 wrong; per type in apps/gateway/README.md). Not tuned on: it is the estimate on
// unseen formats, and these floors hold it so that no later change lowers it unseen. The goal (0.98 overall,
// 0.97 per type) is met for neither; the per-type floor is the weakest type's (health insurance recall 0.646).
const FLOOR = { precision: 0.979, recall: 0.892, perType: 0.646 };

describe('DLP on the tenth blind set (not tuned on: the estimate)', () => {
  const corpus = scoredCorpus('dlp-blind10.jsonl');

  itHasSize(corpus, { samples: 1_800, negatives: 700, perType: 70 });
  itHoldsFloors(corpus.score, FLOOR);
});
