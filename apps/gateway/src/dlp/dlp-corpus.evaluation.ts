import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DLP_TYPES, DlpType } from '../message/dlp.types';
import { DlpScanner } from './dlp-scanner';

/** One labelled sample: its payload (and, optionally, other envelope fields) and the types it carries. */
export interface LabelledSample {
  id: string;
  format?: string;
  types: DlpType[];
  data: Record<string, unknown>;
  /** Envelope fields besides `data` (type, ids, meta, extra fields). */
  envelope?: Record<string, unknown>;
}

/** Precision and recall of one type. */
export interface TypeScore {
  type: DlpType;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Ids of the false positives and false negatives. */
  misses: string;
}

/** Reads a corpus file of `test/gateway/`. */
export function loadCorpus(file: string): LabelledSample[] {
  return readFileSync(join(__dirname, '../../../../test/gateway', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LabelledSample);
}

/** The envelope a sample stands for. */
export function envelopeOf(sample: LabelledSample): Record<string, unknown> {
  return {
    sender_id: 'corpus-sender',
    target_id: 'corpus-target',
    message_type: 'corpus.sample',
    data: sample.data,
    meta: { version: 1, correlation_id: null, expects_reply: false, is_reply: false },
    timestamp: 1_700_000_000,
    message_id: 'corpus-message',
    ...sample.envelope,
  };
}

/** Scores the scanner per type (a sample counts once per type) and overall (micro average). */
export function evaluate(samples: LabelledSample[]): { rows: TypeScore[]; precision: number; recall: number; wrong: string[] } {
  const scanner = new DlpScanner(() => 'ALERT');
  const found = samples.map((sample) => new Set(scanner.scanEnvelope(envelopeOf(sample)).findings.map((f) => f.type)));
  const ratio = (a: number, b: number) => (b ? +(a / b).toFixed(3) : 1);
  const rows = DLP_TYPES.map((type) => {
    const fps = samples.filter((s, i) => found[i].has(type) && !s.types.includes(type)).map((s) => s.id);
    const fns = samples.filter((s, i) => !found[i].has(type) && s.types.includes(type)).map((s) => s.id);
    const tp = samples.filter((s, i) => found[i].has(type) && s.types.includes(type)).length;
    return { type, tp, fp: fps.length, fn: fns.length, precision: ratio(tp, tp + fps.length), recall: ratio(tp, tp + fns.length), misses: [...fps, ...fns].join(' ') };
  });
  const sum = (key: 'tp' | 'fp' | 'fn') => rows.reduce((total, row) => total + row[key], 0);
  const wrong = samples.filter((s, i) => [...s.types].sort().join() !== [...found[i]].sort().join()).map((s) => s.id);
  return { rows, precision: ratio(sum('tp'), sum('tp') + sum('fp')), recall: ratio(sum('tp'), sum('tp') + sum('fn')), wrong };
}
