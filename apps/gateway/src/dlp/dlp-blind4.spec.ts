import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The fourth blind set (test/gateway/dlp-blind4.jsonl, built by test/gateway/dlp-blind4/build_blind4.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 137 formats none of the other sets use. Scored twice blind (per-type counts
// only): before the round tuned on dlp-blind3.jsonl, precision 0.965, recall 0.828 (126 of 670 samples
// wrong); after it, 0.969 / 0.858 (113 wrong). Then its misses were read and each general cause fixed by
// a general rule with unit cases of its own (dlp-labels.spec.ts, dlp-secrets.spec.ts,
// dlp-structure.spec.ts): it scores 0.994 / 0.996 now (7 wrong; per type in apps/gateway/README.md), and
// it is a SEEN set, a regression set like the others, no longer an estimate. Lowest per type: api_key
// 0.971 / 0.971, password 0.972 precision, health_insurance_number 0.982 recall. The next blind set is the estimate.
const FLOOR = { precision: 0.99, recall: 0.99, perType: 0.97 };

describe('DLP on the fourth blind set (seen since its two blind scores)', () => {
  const corpus = scoredCorpus('dlp-blind4.jsonl');

  itHasSize(corpus, { samples: 450, negatives: 170, perType: 25 });
  itHoldsFloors(corpus.score, FLOOR);
});
