import { expect, it } from 'vitest';
import { evaluate, LabelledSample, loadCorpus } from '../../apps/gateway/src/dlp/dlp-corpus.evaluation';

/** A corpus of `test/gateway/` and its score. */
export interface ScoredCorpus {
  samples: LabelledSample[];
  score: ReturnType<typeof evaluate>;
}

/** Loads and scores a corpus; with `DLP_REPORT=1` prints its table per type and the ids it got wrong. */
export function scoredCorpus(file: string): ScoredCorpus {
  const samples = loadCorpus(file);
  const score = evaluate(samples);
  if (process.env.DLP_REPORT) {
    console.table(score.rows);
    console.log(JSON.stringify({ precision: score.precision, recall: score.recall, wrong: score.wrong.length, of: samples.length, ids: score.wrong.join(' ') }));
  }
  return { samples, score };
}

/**
 * Registers the floor specs of a scored corpus: overall precision and recall, and, with `perType`,
 * both for every type the corpus holds (each failure names the samples it got wrong).
 */
export function itHoldsFloors(score: ScoredCorpus['score'], floor: { precision: number; recall: number; perType?: number }): void {
  const overall = floor.precision === floor.recall ? `${floor.precision}` : `${floor.precision} / ${floor.recall}`;
  it(`precision and recall at least ${overall} overall`, () => {
    expect(score.precision, score.wrong.join(' ')).toBeGreaterThanOrEqual(floor.precision);
    expect(score.recall, score.wrong.join(' ')).toBeGreaterThanOrEqual(floor.recall);
  });
  const perType = floor.perType;
  if (perType === undefined) return;
  it.each(score.rows.map((row) => [row.type, row]))(`%s: precision and recall at least ${perType}`, (type, row) => {
    expect(row.precision, `${type} precision (${row.misses})`).toBeGreaterThanOrEqual(perType);
    expect(row.recall, `${type} recall (${row.misses})`).toBeGreaterThanOrEqual(perType);
  });
}

/**
 * Registers the size spec of a scored corpus: at least `samples` samples, `negatives` of them hard
 * negatives (no type), and `perType` positives of every type it scores.
 */
export function itHasSize(corpus: ScoredCorpus, least: { samples: number; negatives: number; perType: number }): void {
  it(`has at least ${least.samples} samples with ${least.negatives} hard negatives and ${least.perType} positives of every type`, () => {
    expect(corpus.samples.length).toBeGreaterThanOrEqual(least.samples);
    expect(corpus.samples.filter((s) => !s.types.length).length).toBeGreaterThanOrEqual(least.negatives);
    for (const row of corpus.score.rows) expect(row.tp + row.fn, row.type).toBeGreaterThanOrEqual(least.perType);
  });
}
