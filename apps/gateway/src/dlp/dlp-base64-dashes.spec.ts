import { describe, expect, it } from 'vitest';
import { decodedRuns } from './dlp-decoders';
import { DlpScanner } from './dlp-scanner';

// Red team: `-` is a base64url digit (62), so text can be chosen whose base64url form is written in
// hex digits and dashes only. Skipping every such run as "hex" (to spare decoding message ids)
// let these past the scanner; only the UUID shape is skipped.
const scanner = new DlpScanner(() => 'ALERT');
const typesOf = (text: string) => scanner.scan({ text }).findings.map((f) => f.type);

describe('DLP: base64url written in hex digits and dashes', () => {
  it.each([
    ['an e-mail address', 'sa@x.ZlQBxQ>sq6opZ', 'email'],
    ['a password written as a pair', 'omvpW:omZwG~lQAkWz', 'password'],
  ])('%s encoded so that its base64url form is hex digits and a dash is still found', (_, text, type) => {
    const encoded = Buffer.from(text).toString('base64url');
    expect(encoded).toMatch(/^[0-9A-Fa-f-]+$/);
    expect(encoded).toContain('-');
    expect(typesOf(text)).toEqual([type]);
    expect(typesOf(encoded)).toEqual([type]);
  });

  it('a UUID is not read as base64', () => {
    expect(decodedRuns('6f1c2b7e-9d3a-4c5b-8e2f-0a1b2c3d4e5f').filter((run) => run.encoding === 'base64')).toEqual([]);
  });
});
