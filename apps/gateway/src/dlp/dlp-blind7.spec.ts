import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The seventh blind set (test/gateway/dlp-blind7.jsonl, built by test/gateway/dlp-blind7/build_blind7.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 481 formats none of the other sets use. Scored blind (only per-type counts
// printed, no sample read) before and after the round tuned on dlp-blind6.jsonl: precision 0.981,
// recall 0.845, then 0.984 / 0.848, and 0.984 / 0.856 once Mir cards were put back (249 of 1,443 wrong).
// It is a seen set now: its misses were read, grouped by how such values appear in real data and fixed
// by general rules with unit cases of their own (dlp-general8.spec.ts); after that it scores 0.998 /
// 0.975 (45 wrong; per type in apps/gateway/README.md). These floors hold that as a regression set; the
// per-type floor is the weakest type's recall (health insurance 0.845; passwords 0.904).
const FLOOR = { precision: 0.998, recall: 0.975, perType: 0.84 };

describe('DLP on the seventh blind set (seen since its blind scores)', () => {
  const corpus = scoredCorpus('dlp-blind7.jsonl');

  itHasSize(corpus, { samples: 1_400, negatives: 300, perType: 45 });
  itHoldsFloors(corpus.score, FLOOR);
});
