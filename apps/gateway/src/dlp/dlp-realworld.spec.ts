import { describe, expect, it } from 'vitest';
import { DLP_TYPES } from '../message/dlp.types';
import { itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';

// The real-world corpus (test/gateway/dlp-realworld.jsonl, built by test/gateway/dlp-realworld/build.py):
// chat, logs, nested JSON, CSV in strings, HL7 v2, FHIR, env dumps, URLs with credentials, envelope
// fields, encodings and Unicode look-alikes, and hard negatives. DLP_REPORT=1 prints the table.
const FLOOR = { overall: 0.98, perType: 0.97 };

describe('DLP on the real-world corpus', () => {
  const { samples, score } = scoredCorpus('dlp-realworld.jsonl');

  it('has at least 400 samples, with hard negatives and every type', () => {
    expect(samples.length).toBeGreaterThanOrEqual(400);
    expect(samples.filter((s) => !s.types.length).length).toBeGreaterThanOrEqual(100);
    for (const type of DLP_TYPES) expect(samples.filter((s) => s.types.includes(type)).length, type).toBeGreaterThanOrEqual(20);
  });

  itHoldsFloors(score, { precision: FLOOR.overall, recall: FLOOR.overall, perType: FLOOR.perType });
});

// Written after the detectors were frozen and scored once (test/gateway/dlp-realworld/build_holdout.py):
// precision 1.000, recall 0.758 — CVV in `{ name, value }` form fields, MRN / ICD-10 in CDA XML and
// member ids in X12 271 were not recognised. Those misses were then read and prompted general rules
// (dlp-structure.spec.ts tests them on cases of their own): the set has been seen, and is a
// regression set now (1.000 / 1.000 since), no longer an estimate of unseen formats.
describe('DLP on the (now seen) hold-out set', () => {
  itHoldsFloors(scoredCorpus('dlp-holdout.jsonl').score, { precision: 0.98, recall: 0.98 });
});
