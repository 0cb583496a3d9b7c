import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '@mas/core';
import { describe, expect, it } from 'vitest';
import { chainHash, STORED_FIELDS, type AuditFields } from './audit-entry';

/** The chain hash as its definition says: HMAC-SHA256 (SHA-256 without a key) over the canonical JSON of every field but `hash` and `audit_id`. */
function reference(fields: AuditFields, key: string): string {
  const { hash: _hash, audit_id: _id, ...content } = fields;
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(canonicalJson(content)).digest('hex');
}

const VALUES = ['', 'ALLOWED', 'dlp:ssn', '["auth:replay"]', '1.234', 'é "quoted" \\ back', '\u0000\u001f', '\ud800 lone', '😀', '0'.repeat(64)];

describe('chainHash', () => {
  it('hashes an entry of the stored fields as the canonical JSON of its hashed fields (the writer’s straight path)', () => {
    let state = 11;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2_000; i += 1) {
      const fields: AuditFields = {};
      for (const name of STORED_FIELDS) if (next() < 0.85) fields[name] = VALUES[Math.floor(next() * VALUES.length)] + (next() < 0.5 ? String(i) : '');
      if (next() < 0.3) fields.audit_id = `1-${i}`;
      const key = next() < 0.2 ? '' : 'chain key';
      expect(chainHash(fields, key)).toBe(reference(fields, key));
    }
  });

  it('hashes any other record the general way (an unknown field, a value that is not a string)', () => {
    const odd = { seq: '1', ts: '2', extra: 'x' } as AuditFields;
    expect(chainHash(odd, 'k')).toBe(reference(odd, 'k'));
    const typed = { seq: 1, ts: '2' } as unknown as AuditFields;
    expect(chainHash(typed, 'k')).toBe(reference(typed, 'k'));
  });
});
