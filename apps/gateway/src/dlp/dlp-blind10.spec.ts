import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The tenth blind set (test/gateway/dlp-blind10.jsonl, built by test/gateway/dlp-blind10/build_blind10.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 625 formats none of the other sets use (a masked copy of every positive format
// among its negatives), while the round tuned on dlp-blind9.jsonl ran. Scored blind (only per-type counts
// printed, no sample read) before and after that round: precision 0.981, recall 0.883 (258 of 1,875 wrong),
// then 0.979 / 0.892 (247 wrong). It is a seen set now: its misses and false positives were read, grouped by how such values appear
// in real data and fixed by general rules with unit cases of their own (dlp-general11.spec.ts); after that it scores 0.980 / 0.935
// (169 wrong). These floors hold that as a regression set, rounded down; the per-type floor is the weakest type's (password recall 0.866).
const FLOOR = { precision: 0.98, recall: 0.935, perType: 0.866 };

describe('DLP on the tenth blind set (seen since the round tuned on it)', () => {
  const corpus = scoredCorpus('dlp-blind10.jsonl');

  itHasSize(corpus, { samples: 1_800, negatives: 700, perType: 70 });
  itHoldsFloors(corpus.score, FLOOR);
});
