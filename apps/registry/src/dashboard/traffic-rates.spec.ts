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
