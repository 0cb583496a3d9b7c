import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { UsageError } from './cli.errors';
import { parseJsonObject, positiveInt, upperChoice } from './cli.parsers';

describe('CLI argument parsers', () => {
  it('parses payloads: JSON objects, @file; anything else is a usage error', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mas-cli-')), 'payload.json');
    writeFileSync(file, '{"from":"file"}');
    expect(parseJsonObject('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonObject(undefined)).toEqual({});
    expect(parseJsonObject(`@${file}`)).toEqual({ from: 'file' });
    expect(() => parseJsonObject('{nope')).toThrow(UsageError);
    expect(() => parseJsonObject('[1,2]')).toThrow(/must be a JSON object/);
    expect(() => parseJsonObject('@/nonexistent/payload.json')).toThrow(/cannot read payload file/);
  });

  it('checks numbers and choices', () => {
    expect(positiveInt('250')).toBe(250);
    expect(() => positiveInt('0')).toThrow(InvalidArgumentError);
    expect(() => positiveInt('1.5')).toThrow(InvalidArgumentError);
    expect(upperChoice(['ACTIVE', 'INACTIVE'])('active')).toBe('ACTIVE');
    expect(() => upperChoice(['ACTIVE'])('sleepy')).toThrow(/must be one of ACTIVE/);
  });
});
