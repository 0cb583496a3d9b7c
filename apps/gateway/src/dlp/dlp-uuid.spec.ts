import { describe, expect, it } from 'vitest';
import type { DlpDetector } from './dlp-detector.interfaces';
import { DlpScanner } from './dlp-scanner';

// Message ids are UUIDs, a new one in every message, so no memory of clean texts helps with them: a
// UUID that holds nothing a detector could find is not scanned. What a UUID can carry is still found.
describe('DLP and UUIDs', () => {
  const blocking = new DlpScanner(() => 'BLOCK');
  const typesAt = (envelope: Record<string, unknown>) => blocking.scanEnvelope(envelope).findings.map((f) => [f.type, f.path]);

  it('does not scan a UUID without a long digit run under a key that names nothing', () => {
    const seen: string[] = [];
    const spy: DlpDetector = { type: 'api_key', pattern: /[0-9a-f]{4}/g, validate: (value) => (seen.push(value), false) };
    const scanner = new DlpScanner(() => 'BLOCK', [spy]);

    scanner.scanEnvelope({ message_id: '9f3c2a7e-b1d4-4e8a-a6c0-5d2be7f41a93', data: { ref: 'c0ffee12-ab34-4cde-8f90-a1b2c3d4e5f6' } });

    expect(seen).toEqual([]);
    scanner.scanEnvelope({ data: { ref: 'c0ffee12 ab34' } }); // not a UUID: scanned
    expect(seen).toEqual(['c0ff', 'ee12', 'ab34']);
  });

  it('still finds a card number whose digits fill the last two groups of a UUID-shaped id', () => {
    expect(typesAt({ message_id: '0a1b2c3d-4e5f-6a7b-4111-111111111111', data: {} })).toEqual([['credit_card', 'message_id']]);
    expect(typesAt({ data: { ref: '0A1B2C3D-4E5F-6A7B-5555-555555554444' } })).toEqual([['credit_card', 'data.ref']]);
  });

  it('still reads a UUID under a key that names a type (a Heroku API key is a UUID)', () => {
    expect(typesAt({ data: { heroku_api_key: '9f3c2a7e-b1d4-4e8a-a6c0-5d2be7f41a93' } })).toEqual([['api_key', 'data.heroku_api_key']]);
    expect(typesAt({ data: { password: '9f3c2a7e-b1d4-4e8a-a6c0-5d2be7f41a93' } })).toEqual([['password', 'data.password']]);
  });

  it('still scans a text that holds a UUID among other words', () => {
    expect(typesAt({ data: { note: 'paid with 4111 1111 1111 1111, order 9f3c2a7e-b1d4-4e8a-a6c0-5d2be7f41a93' } })).toEqual([['credit_card', 'data.note']]);
  });

  it('finds nothing in fresh message ids', () => {
    for (let i = 0; i < 2_000; i += 1) expect(blocking.scanEnvelope({ message_id: crypto.randomUUID(), data: { seq: i } }).findings).toEqual([]);
  });
});
