import { describe, expect, it } from 'vitest';
import { parseTrafficSample, TrafficRates } from './traffic-rates';

const sample = (sent: number, received: number, at: number, errors = 0) => JSON.stringify({ sent, received, errors, at });

describe('TrafficRates', () => {
  it('has totals but no rate from one sample, then the difference of two samples over their interval', () => {
    const rates = new TrafficRates(3_000);
    expect(rates.update('a', { id: 'a' }, 0)).toBeNull();
    expect(rates.update('a', { stats: sample(10, 4, 1_000) }, 1_000)).toMatchObject({ sent: 10, received: 4, inPerSecond: null, outPerSecond: null, reporters: 1 });
    // The same sample read again changes nothing.
    expect(rates.update('a', { stats: sample(10, 4, 1_000) }, 1_500)).toMatchObject({ inPerSecond: null });
    expect(rates.update('a', { stats: sample(30, 9, 3_000, 1) }, 3_000)).toMatchObject({ sent: 30, received: 9, errors: 1, outPerSecond: 10, inPerSecond: 2.5, errorsPerSecond: 0.5 });
  });

  it('sums the replicas of an agent and drops a replica whose samples stopped', () => {
    const rates = new TrafficRates(1_000);
    rates.update('r', { 'stats:p1': sample(0, 0, 0), 'stats:p2': sample(0, 0, 0) }, 0);
    expect(rates.update('r', { 'stats:p1': sample(0, 10, 1_000), 'stats:p2': sample(0, 20, 1_000) }, 1_000)).toMatchObject({ received: 30, inPerSecond: 30, reporters: 2 });
    // p2 stops reporting: after three of its intervals it no longer counts.
    expect(rates.update('r', { 'stats:p1': sample(0, 20, 2_000), 'stats:p2': sample(0, 20, 1_000) }, 2_000)).toMatchObject({ inPerSecond: 30, reporters: 2 });
    expect(rates.update('r', { 'stats:p1': sample(0, 40, 4_500), 'stats:p2': sample(0, 20, 1_000) }, 4_500)).toMatchObject({ inPerSecond: 8, reporters: 1, received: 60 });
  });

  it('starts over when the counters go down (the process restarted) and forgets agents not retained', () => {
    const rates = new TrafficRates(3_000);
    rates.update('a', { stats: sample(100, 100, 1_000) }, 1_000);
    rates.update('a', { stats: sample(110, 100, 2_000) }, 2_000);
    expect(rates.update('a', { stats: sample(2, 1, 3_000) }, 3_000)).toMatchObject({ outPerSecond: null });
    expect(rates.update('a', { stats: sample(4, 1, 4_000) }, 4_000)).toMatchObject({ outPerSecond: 2 });
    rates.retain(new Set());
    expect(rates.update('a', { stats: sample(6, 1, 5_000) }, 5_000)).toMatchObject({ outPerSecond: null });
  });

  it('ignores what is not a sample', () => {
    expect(parseTrafficSample('{"sent":1}')).toBeUndefined();
    expect(parseTrafficSample('nope')).toBeUndefined();
    expect(new TrafficRates(1_000).update('x', { stats: 'garbage', statsx: sample(1, 1, 1) })).toBeNull();
  });
});

describe('TrafficRates: per-peer rates (the who-talks-to-whom graph)', () => {
  const withPeers = (sent: number, at: number, peers: Record<string, number>) => JSON.stringify({ sent, received: 0, errors: 0, at, peers });

  it('turns the per-peer counters of two samples into messages per second per peer, summed over replicas', () => {
    const rates = new TrafficRates(10_000);
    expect(rates.update('a', { stats: withPeers(10, 1_000, { b: 8, c: 2 }) }, 1_000)?.peers).toEqual([
      { id: 'b', sent: 8, perSecond: null },
      { id: 'c', sent: 2, perSecond: null },
    ]);
    expect(rates.update('a', { stats: withPeers(40, 3_000, { b: 28, c: 12 }) }, 3_000)?.peers).toEqual([
      { id: 'b', sent: 28, perSecond: 10 },
      { id: 'c', sent: 12, perSecond: 5 },
    ]);
    const replicas = new TrafficRates(10_000);
    replicas.update('r', { 'stats:p1': withPeers(0, 1_000, { b: 0 }), 'stats:p2': withPeers(0, 1_000, { b: 0 }) }, 1_000);
    expect(replicas.update('r', { 'stats:p1': withPeers(10, 2_000, { b: 10 }), 'stats:p2': withPeers(4, 2_000, { b: 4 }) }, 2_000)?.peers).toEqual([{ id: 'b', sent: 14, perSecond: 14 }]);
  });

  it('ignores malformed peer counters and keeps the rest of the sample', () => {
    const rates = new TrafficRates(10_000);
    const traffic = rates.update('a', { stats: withPeers(1, 1_000, { b: -1, c: 'x' as unknown as number, d: 2 }) }, 1_000);
    expect(traffic).toMatchObject({ sent: 1, peers: [{ id: 'd', sent: 2, perSecond: null }] });
    expect(rates.update('z', { stats: JSON.stringify({ sent: 1, received: 0, errors: 0, at: 1, peers: 'nope' }) }, 1)?.peers).toEqual([]);
  });
});
