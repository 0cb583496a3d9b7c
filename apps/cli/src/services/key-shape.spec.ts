import { describe, expect, it } from 'vitest';
import { MasKeys } from '@mas/core';
import { keyShape } from './key-shape';
import { keyspaceHashEventsEnabled } from './agent-watcher';

describe('keyShape', () => {
  it('builds SCAN patterns and parses names from the MasKeys builders', () => {
    const roles = keyShape(MasKeys.agentRoles);
    expect(roles.pattern).toBe('agent:*:roles');
    expect(roles.nameOf('agent:worker:1:roles')).toBe('worker:1');
    expect(roles.nameOf('agent:worker')).toBeUndefined();
    expect(roles.nameOf('agent::roles')).toBeUndefined();
    const agent = keyShape(MasKeys.agent);
    expect(agent.pattern).toBe('agent:*');
    expect(agent.nameOf('agent:worker')).toBe('worker');
    expect(agent.nameOf('agent.state:worker')).toBeUndefined();
  });
});

describe('keyspaceHashEventsEnabled', () => {
  it('needs keyspace events (K) for hashes (h, or A for all)', () => {
    expect(keyspaceHashEventsEnabled('')).toBe(false);
    expect(keyspaceHashEventsEnabled('Ex')).toBe(false);
    expect(keyspaceHashEventsEnabled('Eh')).toBe(false);
    expect(keyspaceHashEventsEnabled('Kh')).toBe(true);
    expect(keyspaceHashEventsEnabled('AKE')).toBe(true);
  });
});
