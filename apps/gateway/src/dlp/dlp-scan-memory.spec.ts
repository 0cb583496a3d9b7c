import { describe, expect, it } from 'vitest';
import type { DlpDetector } from './dlp-detector.interfaces';
import { DlpScanner } from './dlp-scanner';

// A scanner remembers, across messages, what it worked out for a key path and which short texts
// were clean under it. A sender who chooses its own keys must not be able to make a later message's
// value read as clean, or its key as naming nothing.
describe('what a DLP scanner remembers between messages', () => {
  const detector: DlpDetector = { type: 'ssn', key: /^zq$/ };

  it('does not take a key holding U+0000 for two keys (a clean verdict is not carried over)', () => {
    const scanner = new DlpScanner(() => 'BLOCK', [detector]);

    expect(scanner.scanEnvelope({ data: { 'x\u0000zq': 'abc' } }).findings).toEqual([]);
    const later = scanner.scanEnvelope({ data: { x: { zq: 'abc' } } });

    expect(later.findings.map((f) => [f.type, f.path])).toEqual([['ssn', 'data.x.zq']]);
  });

  it('finds the same in a message whatever came before it', () => {
    const fresh = new DlpScanner(() => 'BLOCK', [detector]);
    const used = new DlpScanner(() => 'BLOCK', [detector]);
    for (let i = 0; i < 3; i += 1) used.scanEnvelope({ data: { x: { zq: ' ', [`k${i}\u0001zq`]: 'abc' }, zq: 'v' } });

    const message = { data: { x: { zq: 'abc' }, zq: 'v' } };
    expect(used.scanEnvelope(message).findings).toEqual(fresh.scanEnvelope(message).findings);
  });

  it('keeps paths apart whatever their keys hold, and a path longer than it remembers is scanned each time', () => {
    const scanner = new DlpScanner(() => 'BLOCK', [detector]);
    const long = 'k'.repeat(600);
    for (let i = 0; i < 2; i += 1) {
      expect(scanner.scanEnvelope({ data: { [`${long}\u0001`]: { zq: 'abc' } } }).findings.map((f) => f.type)).toEqual(['ssn']);
      expect(scanner.scanEnvelope({ data: { 'x\u0001zq': 'abc', x: { zq: 'abc' } } }).findings.map((f) => f.path)).toEqual(['data.x.zq']);
    }
  });

  it('does not forget what it worked out because a field holds a new value in every message (an id, a timestamp)', () => {
    const scanned: string[] = [];
    const counting: DlpDetector = { type: 'ssn', pattern: /\d{3}-\d{2}-\d{4}/g, validate: () => false };
    const watched: DlpDetector = { type: 'email', pattern: /gold/g, validate: (value, text) => (scanned.push(text), false) };
    const scanner = new DlpScanner(() => 'BLOCK', [counting, watched]);
    for (let i = 0; i < 20_000; i += 1) scanner.scanEnvelope({ message_id: `id-${i}`, data: { seq: i, tier: 'gold' } });

    expect(scanned.filter((text) => text === 'gold')).toHaveLength(1); // scanned once, remembered clean since
  });
});
