import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The eleventh blind set (test/gateway/dlp-blind11.jsonl, built by test/gateway/dlp-blind11/build_blind11.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, 290 systems in three renderings each plus negative-only formats (915 formats none
// of the other sets use), while the round tuned on dlp-blind10.jsonl ran. Scored blind (only per-type counts
// printed, no sample read) before and after that round: precision 0.992, recall 0.898 (310 of 2,537 wrong),
// then 0.992 / 0.904 (298 wrong; per type in apps/gateway/README.md). It is a seen set now: its misses and false positives were read,
// grouped by how such values appear in real data and fixed by general rules with unit cases of their own (dlp-general12.spec.ts:
// OCR form fields, health cover and record numbers under more names, diagnosis labels of more languages); after that it scores
// 0.993 / 0.943 (191 wrong). These floors hold that as a regression set, rounded down; the per-type floor is the weakest type's
// (password recall 0.845).
const FLOOR = { precision: 0.993, recall: 0.943, perType: 0.845 };

describe('DLP on the eleventh blind set (seen since the round tuned on it)', () => {
  const corpus = scoredCorpus('dlp-blind11.jsonl');

  itHasSize(corpus, { samples: 2_500, negatives: 1_000, perType: 70 });
  itHoldsFloors(corpus.score, FLOOR);
});
