import { describe, expect, it } from 'vitest';
import { expiryOf } from './queued-message';

describe('expiryOf (per-message TTL)', () => {
  const sent = 1_700_000_000.25; // envelope timestamp, seconds

  it('counts the default TTL from the message timestamp', () => {
    expect(expiryOf({ meta: {} }, sent, 300_000, 3_600_000)).toBe(1_700_000_000_250 + 300_000);
  });

  it('honours meta.ttl_ms, capped at the maximum; ignores nonsense', () => {
    expect(expiryOf({ meta: { ttl_ms: 5_000 } }, sent, 300_000, 3_600_000)).toBe(1_700_000_000_250 + 5_000);
    expect(expiryOf({ meta: { ttl_ms: 86_400_000 } }, sent, 300_000, 3_600_000)).toBe(1_700_000_000_250 + 3_600_000);
    for (const ttl of [-1, 0, '5000', null]) expect(expiryOf({ meta: { ttl_ms: ttl } }, sent, 300_000, 3_600_000)).toBe(1_700_000_000_250 + 300_000);
  });
});
