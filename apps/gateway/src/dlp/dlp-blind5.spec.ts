import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The fifth blind set (test/gateway/dlp-blind5.jsonl, built by test/gateway/dlp-blind5/build_blind5.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 258 formats none of the other sets use. Scored twice blind (only per-type
// counts printed): before the round tuned on dlp-blind4.jsonl, precision 0.981, recall 0.823; after it,
// 0.985 / 0.835 (94 of 558 samples wrong). It is a seen set now: its misses were then read by category and
// each traced to a general mechanism (dotted ICD-10 codes in clinical text, a value's kind named by a
// sibling, names carried in other shapes, answers under the question's label, credentials in the forms of
// tools), implemented with unit cases of their own (dlp-general.spec.ts). After that round it scores
// 1.000 / 0.997 (2 wrong: a password passed positionally to one product's RPC call, left alone). These
// floors hold that seen score as a regression set; it is no longer an estimate. Password recall is 0.967,
// so the per-type floor is 0.96 (the other types are at 1.000).
const FLOOR = { precision: 0.99, recall: 0.99, perType: 0.96 };

describe('DLP on the fifth blind set (seen since the round tuned on it)', () => {
  const corpus = scoredCorpus('dlp-blind5.jsonl');

  itHasSize(corpus, { samples: 500, negatives: 200, perType: 25 });
  itHoldsFloors(corpus.score, FLOOR);
});
