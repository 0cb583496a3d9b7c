import { describe } from 'vitest';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The sixth blind set (test/gateway/dlp-blind6.jsonl, built by test/gateway/dlp-blind6/build_blind6.py
// with the labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors
// nor any other corpus, in 306 formats none of the other sets use. Scored blind (only per-type counts
// printed) before and after the round tuned on dlp-blind5.jsonl: precision 0.969, recall 0.865, then
// 0.973 / 0.888 (125 of 885 samples wrong) — the "before (blind)". It is a seen set now: its misses were
// then read by category and each traced to a general cause (credentials in the forms of tools and
// protocols, chat answers and qualified password words, what a password field holds when it holds none,
// card codes described by where they are printed, phones in dial strings, protocol fields and more
// languages, spaced-dash SSNs, typed XML siblings, HL7 CX composites, health cards, undotted ICD-10 codes,
// Kerberos principals, PGP key ids, public map tokens, barcodes), implemented with unit cases of their own
// (dlp-general7.spec.ts). After that round it scores 1.000 / 0.997 ("after (seen)"; 3 wrong: a password
// passed positionally to WordPress's XML-RPC `wp.getUsersBlogs`, one API's call signature, left alone).
// These floors hold that seen score as a regression set; it is no longer an estimate. Password recall is
// 0.984, so the per-type floor is 0.98 (the other types are at 1.000).
const FLOOR = { precision: 0.99, recall: 0.99, perType: 0.98 };

describe('DLP on the sixth blind set (seen since the round tuned on it)', () => {
  const corpus = scoredCorpus('dlp-blind6.jsonl');

  itHasSize(corpus, { samples: 800, negatives: 200, perType: 27 });
  itHoldsFloors(corpus.score, FLOOR);
});
