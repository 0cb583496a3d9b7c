import { describe, expect, it } from 'vitest';
import { DLP_TYPES } from '../message/dlp.types';
import { evaluate, loadCorpus } from './dlp-corpus.evaluation';

// The real-world corpus (test/gateway/dlp-realworld.jsonl, built by test/gateway/dlp-realworld/build.py):
// chat, logs, nested JSON, CSV in strings, HL7 v2, FHIR, env dumps, URLs with credentials, envelope
// fields, encodings and Unicode look-alikes, and hard negatives. DLP_REPORT=1 prints the table.
const FLOOR = { overall: 0.98, perType: 0.97 };

describe('DLP on the real-world corpus', () => {
  const samples = loadCorpus('dlp-realworld.jsonl');
  const score = evaluate(samples);
  if (process.env.DLP_REPORT) {
    console.table(score.rows);
    console.log(JSON.stringify({ precision: score.precision, recall: score.recall, wrong: score.wrong.length, of: samples.length, ids: score.wrong.join(' ') }));
  }

  it('has at least 400 samples, with hard negatives and every type', () => {
    expect(samples.length).toBeGreaterThanOrEqual(400);
    expect(samples.filter((s) => !s.types.length).length).toBeGreaterThanOrEqual(100);
    for (const type of DLP_TYPES) expect(samples.filter((s) => s.types.includes(type)).length, type).toBeGreaterThanOrEqual(20);
  });

  it(`precision and recall at least ${FLOOR.overall} overall`, () => {
    expect(score.precision, score.wrong.join(' ')).toBeGreaterThanOrEqual(FLOOR.overall);
    expect(score.recall, score.wrong.join(' ')).toBeGreaterThanOrEqual(FLOOR.overall);
  });

  it.each(DLP_TYPES.map((type) => [type]))(`%s: precision and recall at least ${FLOOR.perType}`, (type) => {
    const row = score.rows.find((r) => r.type === type)!;
    expect(row.precision, `${type} precision (${row.misses})`).toBeGreaterThanOrEqual(FLOOR.perType);
    expect(row.recall, `${type} recall (${row.misses})`).toBeGreaterThanOrEqual(FLOOR.perType);
  });
});

// Written after the detectors were frozen and scored once (test/gateway/dlp-realworld/build_holdout.py):
// precision 1.000, recall 0.758 — CVV in `{ name, value }` form fields, MRN / ICD-10 in CDA XML and
// member ids in X12 271 were not recognised. Those misses were then read and prompted general rules
// (dlp-structure.spec.ts tests them on cases of their own): the set has been seen, and is a
// regression set now (1.000 / 1.000 since), no longer an estimate of unseen formats.
describe('DLP on the (now seen) hold-out set', () => {
  it('precision and recall 0.98 or better', () => {
    const score = evaluate(loadCorpus('dlp-holdout.jsonl'));
    expect(score.precision, score.wrong.join(' ')).toBeGreaterThanOrEqual(0.98);
    expect(score.recall, score.wrong.join(' ')).toBeGreaterThanOrEqual(0.98);
  });
});
