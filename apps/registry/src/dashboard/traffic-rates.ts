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

/** Peers kept per agent (agents report their 10 busiest; replicas may report different ones). */
const MAX_PEERS = 20;

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
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
    const sample = value as AgentTrafficSample;
    const peers = parsePeers(value.peers);
    if (peers) sample.peers = peers;
    else delete sample.peers;
    return sample;
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

    const traffic: AgentTraffic = { sent: 0, received: 0, errors: 0, inPerSecond: null, outPerSecond: null, errorsPerSecond: null, sampledAt: 0, reporters: 0, peers: [] };
    const peers = new Map<string, { sent: number; perSecond: number | null }>();
    for (const track of tracks.values()) {
      traffic.sent += track.current.sent;
      traffic.received += track.current.received;
      traffic.errors += track.current.errors;
      traffic.sampledAt = Math.max(traffic.sampledAt, track.current.at);
      const stale = this.isStale(track, now);
      for (const [peer, sent] of Object.entries(track.current.peers ?? {})) {
        const entry = peers.get(peer) ?? { sent: 0, perSecond: null };
        entry.sent += sent;
        const perSecond = stale ? undefined : peerRateOf(track, peer);
        if (perSecond !== undefined) entry.perSecond = (entry.perSecond ?? 0) + perSecond;
        peers.set(peer, entry);
      }
      if (stale) continue;
      traffic.reporters += 1;
      const rates = ratesOf(track);
      if (!rates) continue;
      traffic.inPerSecond = (traffic.inPerSecond ?? 0) + rates.in;
      traffic.outPerSecond = (traffic.outPerSecond ?? 0) + rates.out;
      traffic.errorsPerSecond = (traffic.errorsPerSecond ?? 0) + rates.errors;
    }
    traffic.peers = [...peers]
      .map(([id, entry]) => ({ id, ...entry }))
      .sort((a, b) => (b.perSecond ?? 0) - (a.perSecond ?? 0) || b.sent - a.sent || a.id.localeCompare(b.id))
      .slice(0, MAX_PEERS);
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

/** Messages per second from the reporter to `peer` between its last two samples; undefined when not both name the peer. */
function peerRateOf(track: ReporterTrack, peer: string): number | undefined {
  const { previous, current } = track;
  const before = previous?.peers?.[peer];
  const after = current.peers?.[peer];
  if (!previous || before === undefined || after === undefined || after < before) return undefined;
  return (after - before) / ((current.at - previous.at) / 1000);
}

/** The `peers` of a sample: peer id → a non-negative count; anything else is dropped. */
function parsePeers(raw: unknown): Record<string, number> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const peers: Record<string, number> = {};
  let kept = 0;
  for (const [peer, count] of Object.entries(raw as Record<string, unknown>)) {
    if (kept >= MAX_PEERS) break;
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0 || !peer) continue;
    peers[peer] = count;
    kept += 1;
  }
  return kept ? peers : undefined;
}
