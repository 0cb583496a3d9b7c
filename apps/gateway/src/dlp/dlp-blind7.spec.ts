import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The seventh blind set (test/gateway/dlp-blind7.jsonl, built by test/gateway/dlp-blind7/build_blind7.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 481 formats none of the other sets use. Scored blind (only per-type counts
// printed, no sample read) before and after the round tuned on dlp-blind6.jsonl: precision 0.981,
// recall 0.845 (266 of 1,443 wrong), then 0.984 / 0.848 (262 wrong). Its card recall had dropped in
// that round (0.932 -> 0.826: a length rule for the `2…` networks refused Mir cards); with Mir put back
// (from what the networks issue, no sample read) it was scored once more: 0.984 / 0.856 (249 wrong; per
// type in apps/gateway/README.md). Not tuned on: it is the estimate on unseen formats, and these floors
// hold it so that no later change lowers it unseen. The goal (0.98 overall, 0.97 per type) is met for
// precision, not for recall; the per-type floor is the weakest type's recall (health insurance 0.543).
const FLOOR = { precision: 0.984, recall: 0.856, perType: 0.54 };

describe('DLP on the seventh blind set (not tuned on: the estimate)', () => {
  const corpus = scoredCorpus('dlp-blind7.jsonl');

  itHasSize(corpus, { samples: 1_400, negatives: 300, perType: 45 });
  itHoldsFloors(corpus.score, FLOOR);
});
