import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The eighth blind set (test/gateway/dlp-blind8.jsonl, built by test/gateway/dlp-blind8/build_blind8.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 563 formats none of the other sets use, while the round tuned on
// dlp-blind7.jsonl ran. Scored blind (only per-type counts printed, no sample read) before and after that
// round: precision 0.982, recall 0.831 (371 of 1,686 wrong), then 0.981 / 0.853 (327 wrong).
// It is a seen set now: its misses were read, grouped by how such values appear in real data and fixed
// by general rules with unit cases of their own (dlp-general9.spec.ts); after that it scores 0.997 /
// 0.973 (60 wrong; per type in apps/gateway/README.md). These floors hold that as a regression set; the
// per-type floor is the weakest type's recall (SSNs 0.833: fixed-width tax and credit records).
const FLOOR = { precision: 0.997, recall: 0.973, perType: 0.83 };

describe('DLP on the eighth blind set (seen since its blind scores)', () => {
  const corpus = scoredCorpus('dlp-blind8.jsonl');

  itHasSize(corpus, { samples: 1_600, negatives: 380, perType: 50 });
  itHoldsFloors(corpus.score, FLOOR);
});
