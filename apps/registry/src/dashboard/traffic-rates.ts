import { STATS_FIELD, type AgentTrafficSample } from '@mas/core';
import type { AgentTraffic } from './dashboard-snapshot.interfaces';

/** The last two distinct samples of one reporter (an agent, or one replica of it). */
interface ReporterTrack {
  previous?: AgentTrafficSample;
  current: AgentTrafficSample;
  /** Registry time (epoch ms) `current` was first seen: agent clocks may differ from ours. */
  seenAt: number;
}

/** Per-second rates of one reporter, from its last two samples. */
interface ReporterRates {
  in: number;
  out: number;
  errors: number;
}

/** True for the hash fields that hold traffic samples: `stats`, and `stats:{replica}` of replicas. */
export function isTrafficField(field: string): boolean {
  return field === STATS_FIELD || field.startsWith(`${STATS_FIELD}:`);
}

/** Parses a sample as the agents write it; undefined when it is not one. */
export function parseTrafficSample(raw: string | undefined): AgentTrafficSample | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<AgentTrafficSample>;
    const numbers = [value.sent, value.received, value.errors, value.at];
    return numbers.every((n) => typeof n === 'number' && Number.isFinite(n)) ? (value as AgentTrafficSample) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns the cumulative counters agents write with each heartbeat into messages per second: the
 * difference of a reporter's last two distinct samples over the time between them. A reporter
 * whose samples stopped (crash, replica gone) stops counting after three of its sample intervals,
 * and at least `minStaleMs`. A counter that went down (the process restarted) starts over.
 */
export class TrafficRates {
  private readonly agents = new Map<string, Map<string, ReporterTrack>>();

  constructor(private readonly minStaleMs: number) {}

  /**
   * Folds the hash fields of one agent (every field, only the traffic fields are read) and
   * returns its traffic, or null when it never reported any.
   */
  update(id: string, fields: Record<string, string>, now = Date.now()): AgentTraffic | null {
    const tracks = this.agents.get(id) ?? new Map<string, ReporterTrack>();
    this.agents.set(id, tracks);
    for (const [field, raw] of Object.entries(fields)) {
      const sample = isTrafficField(field) ? parseTrafficSample(raw) : undefined;
      if (sample) this.observe(tracks, field, sample, now);
    }
    if (!tracks.size) return null;

    const traffic: AgentTraffic = { sent: 0, received: 0, errors: 0, inPerSecond: null, outPerSecond: null, errorsPerSecond: null, sampledAt: 0, reporters: 0 };
    for (const track of tracks.values()) {
      traffic.sent += track.current.sent;
      traffic.received += track.current.received;
      traffic.errors += track.current.errors;
      traffic.sampledAt = Math.max(traffic.sampledAt, track.current.at);
      if (this.isStale(track, now)) continue;
      traffic.reporters += 1;
      const rates = ratesOf(track);
      if (!rates) continue;
      traffic.inPerSecond = (traffic.inPerSecond ?? 0) + rates.in;
      traffic.outPerSecond = (traffic.outPerSecond ?? 0) + rates.out;
      traffic.errorsPerSecond = (traffic.errorsPerSecond ?? 0) + rates.errors;
    }
    return traffic;
  }

  /** Forgets every agent not in `ids` (deregistered ones). */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.agents.keys()) if (!ids.has(id)) this.agents.delete(id);
  }

  private observe(tracks: Map<string, ReporterTrack>, field: string, sample: AgentTrafficSample, now: number): void {
    const track = tracks.get(field);
    if (!track) {
      tracks.set(field, { current: sample, seenAt: now });
      return;
    }
    if (sample.at === track.current.at) return;
    const restarted = sample.at < track.current.at || sample.sent < track.current.sent || sample.received < track.current.received;
    track.previous = restarted ? undefined : track.current;
    track.current = sample;
    track.seenAt = now;
  }

  private isStale(track: ReporterTrack, now: number): boolean {
    const interval = track.previous ? track.current.at - track.previous.at : 0;
    return now - track.seenAt > Math.max(3 * interval, this.minStaleMs);
  }
}

function ratesOf(track: ReporterTrack): ReporterRates | undefined {
  const { previous, current } = track;
  if (!previous) return undefined;
  const seconds = (current.at - previous.at) / 1000;
  return {
    in: (current.received - previous.received) / seconds,
    out: (current.sent - previous.sent) / seconds,
    errors: Math.max(0, current.errors - previous.errors) / seconds,
  };
}
