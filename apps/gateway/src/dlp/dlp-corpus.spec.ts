import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DLP_TYPES } from '../message/dlp.types';
import { evaluate as score, loadCorpus, TypeScore } from './dlp-corpus.evaluation';
import { DlpScanner } from './dlp-scanner';

/** Precision and recall per type over labelled samples (the corpus evaluation shared with the real-world corpus spec). */
const evaluate = (samples: ReturnType<typeof loadCorpus>): TypeScore[] => score(samples).rows;
const load = loadCorpus;

function expectAtLeast(rows: TypeScore[], precision: number, recall: number): void {
  if (process.env.DLP_REPORT) console.table(rows);
  for (const row of rows) {
    expect(row.precision, `${row.type} precision (${row.misses})`).toBeGreaterThanOrEqual(precision);
    expect(row.recall, `${row.type} recall (${row.misses})`).toBeGreaterThanOrEqual(recall);
  }
}

// DLP_REPORT=1 npx vitest run apps/gateway/src/dlp prints the tables.
describe('DLP corpus', () => {
  const corpus = load('dlp-corpus.jsonl');
  const handwritten = load('dlp-handwritten.jsonl');

  it('has at least 200 positive and 200 negative labelled samples covering every type', () => {
    const all = [...corpus, ...handwritten];
    expect(all.filter((s) => s.types.length).length).toBeGreaterThanOrEqual(200);
    expect(all.filter((s) => !s.types.length).length).toBeGreaterThanOrEqual(200);
    for (const type of DLP_TYPES) expect(all.filter((s) => s.types.includes(type)).length, type).toBeGreaterThanOrEqual(20);
  });

  it('templated samples (dlp-corpus.jsonl): precision and recall of every type at 0.95 or better', () => {
    expectAtLeast(evaluate(corpus), 0.95, 0.95);
  });

  it('hand-written samples (dlp-handwritten.jsonl): precision 0.95, recall 0.85 or better per type', () => {
    expectAtLeast(evaluate(handwritten), 0.95, 0.85);
  });
});

describe('DlpScanner', () => {
  const scanner = new DlpScanner((type) => (type === 'ssn' || type === 'email' ? 'REDACT' : type === 'phone' ? 'OFF' : 'ALERT'));

  it('redacts inside nested objects and arrays without touching the input', () => {
    const input = { a: { b: [{ c: 'ssn 123-45-6789 and 234-56-4320' }, 'ann@example.com'] }, n: 1 };
    const copy = structuredClone(input);
    const result = scanner.scan(input);
    expect(result.data).toEqual({ a: { b: [{ c: 'ssn XXX-XX-6789 and XXX-XX-4320' }, '[REDACTED:email]'] }, n: 1 });
    expect(input).toEqual(copy);
    expect(result.findings).toEqual([
      { type: 'ssn', action: 'REDACT', path: 'data.a.b[0].c' },
      { type: 'email', action: 'REDACT', path: 'data.a.b[1]' },
    ]);
  });

  it('catches a field named password whatever its value, and a password inside JSON text', () => {
    expect(scanner.scan({ password: 'x' }).findings.map((f) => f.type)).toEqual(['password']);
    expect(scanner.scan({ user: { Password: 12345 } }).findings.map((f) => f.type)).toEqual(['password']);
    expect(scanner.scan({ body: '{"password":"a b c"}' }).findings.map((f) => f.type)).toEqual(['password']);
    expect(scanner.scan({ body: '{\\"password\\":\\"hunter2\\"}' }).findings.map((f) => f.type)).toEqual(['password']);
    expect(scanner.scan({ passwordHint: 'pet name' }).findings).toEqual([]);
  });

  it('finds no card (nor anything else) in the UUIDs that ids are made of', () => {
    // Before: the digit groups of about 1 in 1,100 random UUIDs read as a Luhn-valid card number.
    const blocking = new DlpScanner(() => 'BLOCK');
    const flagged: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const id = randomUUID();
      if (blocking.scan({ id }).findings.length) flagged.push(id);
    }
    expect(flagged).toEqual([]);
    expect(blocking.scan({ id: '22961739-8181-4a07-8150-650afa73dd04' }).findings).toEqual([]);
  });

  it('ignores types whose action is OFF and returns the very input when nothing is redacted', () => {
    const input = { phone: '415-555-0132' };
    const result = scanner.scan(input);
    expect(result.findings).toEqual([]);
    expect(result.data).toBe(input);
  });

  // Quadratic backtracking took ~20 s per 128 KB string here; linear scans take a few ms, also on a busy CI box.
  it('scans hostile 128 KB strings in linear time (no catastrophic backtracking)', () => {
    const n = 128 * 1024;
    const hostile = [
      'a'.repeat(n), 'a.'.repeat(n / 2), '1'.repeat(n), '1 '.repeat(n / 2), '12-'.repeat(n / 3), 'a@'.repeat(n / 2), '+1 '.repeat(n / 3),
      'password: '.repeat(n / 10), `password:${'a'.repeat(n)}`, `eyJ${'a'.repeat(n)}`, `-----BEGIN PRIVATE KEY-----${'a'.repeat(n)}`,
      'MRN '.repeat(n / 4), 'diagnosis A10 '.repeat(n / 14), 'http://a:'.repeat(n / 9), 'member id '.repeat(n / 10),
    ];
    for (const text of hostile) {
      const started = performance.now();
      scanner.scan({ text });
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(4_000);
    }
  });
});
