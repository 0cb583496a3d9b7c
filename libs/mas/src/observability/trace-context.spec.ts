import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, createMessage } from '../protocol';
import { formatTraceparent, parseTraceparent, traceIdOf } from './trace-context';
import { PeerTraffic } from './peer-traffic';
import { describeMessage } from './log-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${SPAN_ID}-01`;

describe('W3C trace context', () => {
  it('parses and formats a version-00 traceparent', () => {
    expect(parseTraceparent(TRACEPARENT)).toEqual({ traceId: TRACE_ID, spanId: SPAN_ID, flags: 1 });
    expect(formatTraceparent(TRACE_ID, SPAN_ID, 1)).toBe(TRACEPARENT);
    expect(formatTraceparent(TRACE_ID, SPAN_ID, 0)).toBe(`00-${TRACE_ID}-${SPAN_ID}-00`);
  });

  it('refuses malformed, all-zero and forbidden-version values', () => {
    for (const bad of [undefined, 42, '', 'nope', `00-${'0'.repeat(32)}-${SPAN_ID}-01`, `00-${TRACE_ID}-${'0'.repeat(16)}-01`, `ff-${TRACE_ID}-${SPAN_ID}-01`, `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`, `${TRACEPARENT}-extra`]) {
      expect(parseTraceparent(bad), String(bad)).toBeUndefined();
    }
    // A later version may carry more fields after the four it shares with 00.
    expect(parseTraceparent(`01-${TRACE_ID}-${SPAN_ID}-01-future`)).toEqual({ traceId: TRACE_ID, spanId: SPAN_ID, flags: 1 });
  });

  it('travels in meta and back through the codec; a malformed one is dropped on read', () => {
    const message = createMessage({ senderId: 'a', targetId: 'b', messageType: 't' });
    Object.assign(message.meta, { traceparent: TRACEPARENT, tracestate: 'vendor=1' });
    const wire = JSON.parse(encodeMessage(message));
    expect(wire.meta).toMatchObject({ traceparent: TRACEPARENT, tracestate: 'vendor=1', version: 1 });
    const decoded = decodeMessage(JSON.stringify(wire));
    expect(decoded.meta).toMatchObject({ traceparent: TRACEPARENT, tracestate: 'vendor=1' });
    expect(traceIdOf(decoded.meta)).toBe(TRACE_ID);
    expect(describeMessage(decoded)).toContain(`(trace ${TRACE_ID})`);

    wire.meta.traceparent = 'garbage';
    const dropped = decodeMessage(JSON.stringify(wire));
    expect(dropped.meta.traceparent).toBeUndefined();
    expect(dropped.meta.tracestate).toBeUndefined();
    expect(describeMessage(dropped)).not.toContain('trace');
  });

  it('writes nothing into meta when there is no trace context', () => {
    const wire = JSON.parse(encodeMessage(createMessage({ senderId: 'a', targetId: 'b', messageType: 't' })));
    expect(Object.keys(wire.meta).sort()).toEqual(['correlation_id', 'expects_reply', 'is_reply', 'version']);
  });
});

describe('PeerTraffic', () => {
  it('counts per peer, bounded, and reports the busiest', () => {
    const peers = new PeerTraffic(3);
    for (const [peer, n] of [['a', 5], ['b', 1], ['c', 3], ['d', 7]] as const) for (let i = 0; i < n; i += 1) peers.count(peer);
    expect(peers.top(2)).toEqual({ a: 5, c: 3 });
    expect(peers.top()).toEqual({ a: 5, c: 3, b: 1 });
    expect(peers.untracked).toBe(7); // d came after the bound
  });
});
