import calculateSlot from 'cluster-key-slot';
import { describe, expect, it } from 'vitest';
import { KEY_TEMPLATE_MARK, MasKeys, MasKeySpace } from './keys';

/** Every per-agent name builder of a key space, applied to `id`. */
function perAgentNames(keys: MasKeySpace, id: string): string[] {
  return [
    keys.agentChannel(id), keys.agent(id), keys.heartbeat(id), keys.state(id), keys.inbox(id), keys.inboxLimits(id),
    keys.completed(id), keys.replicas(id), keys.signingKey(id), keys.publicKey(id), keys.allowedTargets(id),
    keys.blockedTargets(id), keys.agentRoles(id), keys.revokedTokens(id), keys.rateLimit(id, 'minute:1'),
    keys.nonce(id, 'n1'), keys.auditBySender(id), keys.auditByTarget(id), keys.priorityQueue(id, 'HIGH'),
    keys.circuit(id), keys.gatewayAwaitingReply(id, 'c1'), keys.provisionGrant(id), keys.auditUnauthenticated(id, 7),
  ];
}

/** Every global name of a key space. */
function globalNames(keys: MasKeySpace): string[] {
  return [
    keys.systemChannel, keys.allAgents, keys.registryIndexed, keys.epoch, keys.deadLetters, keys.gatewayIngress,
    keys.gatewayDefaultRole, keys.audit, keys.auditHead, keys.auditCheckpoints, keys.auditBase, keys.auditKeyId,
    keys.auditRetentionLease, keys.gatewayPublicKeys, keys.securityEvents, keys.priorityQueueTargets, keys.provisionedAgents,
  ];
}

describe('MasKeySpace', () => {
  describe('flat style without a namespace (the default, the Python wire)', () => {
    it('gives the names of the wire exactly', () => {
      expect(MasKeys.style).toBe('flat');
      expect(MasKeys.namespace).toBeUndefined();
      expect(MasKeys.agentChannel('alice')).toBe('agent.alice');
      expect(MasKeys.systemChannel).toBe('mas.system');
      expect(MasKeys.agent('alice')).toBe('agent:alice');
      expect(MasKeys.heartbeat('alice')).toBe('agent:alice:heartbeat');
      expect(MasKeys.state('alice')).toBe('agent.state:alice');
      expect(MasKeys.inbox('alice')).toBe('agent.stream:alice');
      expect(MasKeys.capability('chat')).toBe('mas:cap:chat');
      expect(MasKeys.allAgents).toBe('mas:agents');
      expect(MasKeys.signingKey('alice')).toBe('agent:alice:signing_key');
      expect(MasKeys.gatewayIngress).toBe('mas.gateway.ingress');
      expect(MasKeys.agentScanPattern).toBe('agent:*');
      expect(MasKeys.aclAgentUser('alice')).toBe('mas-agent.alice');
      expect(MasKeys.aclServiceUser('gateway')).toBe('mas-gateway');
      expect(MasKeys.templates).toEqual({ capability: 'mas:cap:*', agent: 'agent:*' });
    });

    it('is what a key space built without options gives', () => {
      const fresh = new MasKeySpace();
      expect(perAgentNames(fresh, 'bob')).toEqual(perAgentNames(MasKeys, 'bob'));
      expect(globalNames(fresh)).toEqual(globalNames(MasKeys));
    });

    it('parses ids back out of record, heartbeat and channel names', () => {
      expect(MasKeys.agentIdFromRecord('agent:alice')).toBe('alice');
      expect(MasKeys.agentIdFromRecord('agent:alice:heartbeat')).toBeUndefined();
      expect(MasKeys.agentIdFromRecord('agent:')).toBeUndefined();
      expect(MasKeys.agentIdFromRecord('agent.state:alice')).toBeUndefined();
      expect(MasKeys.agentIdFromHeartbeat('agent:alice:heartbeat')).toBe('alice');
      expect(MasKeys.agentIdFromHeartbeat('agent:alice')).toBeUndefined();
      expect(MasKeys.agentIdFromHeartbeat('agent::heartbeat')).toBeUndefined();
      expect(MasKeys.agentIdFromChannel('agent.alice')).toBe('alice');
      expect(MasKeys.agentIdFromChannel('mas.system')).toBeUndefined();
    });
  });

  describe('cluster style', () => {
    const keys = new MasKeySpace({ style: 'cluster' });

    it('puts the agent id in a hash tag', () => {
      expect(keys.agent('alice')).toBe('agent:{alice}');
      expect(keys.heartbeat('alice')).toBe('agent:{alice}:heartbeat');
      expect(keys.state('alice')).toBe('agent.state:{alice}');
      expect(keys.inbox('alice')).toBe('agent.stream:{alice}');
      expect(keys.agentChannel('alice')).toBe('agent.{alice}');
      expect(keys.signingKey('alice')).toBe('agent:{alice}:signing_key');
      expect(keys.capability('chat')).toBe('mas:cap:{chat}');
      expect(keys.allAgents).toBe('mas:agents');
      expect(keys.templates).toEqual({ capability: 'mas:cap:{*}', agent: 'agent:{*}' });
    });

    it('puts every key and channel of one agent in one hash slot', () => {
      for (const id of ['alice', 'bob', 'agent-with-dashes_and.dots', 'ünïcødé']) {
        const slots = new Set(perAgentNames(keys, id).map((name) => calculateSlot(name)));
        expect(slots.size, id).toBe(1);
        expect([...slots][0]).toBe(calculateSlot(id));
      }
    });

    it('spreads agents and global keys over slots (each global key hashes on its own name)', () => {
      const agentSlots = new Set(Array.from({ length: 100 }, (_, i) => calculateSlot(keys.agent(`agent-${i}`))));
      expect(agentSlots.size).toBeGreaterThan(90);
      for (const name of globalNames(keys)) expect(calculateSlot(name), name).toBe(calculateSlot(name.replace(/[{}]/g, '')));
      expect(new Set(globalNames(keys).map((name) => calculateSlot(name))).size).toBeGreaterThan(10);
    });

    it('parses ids back out of hash-tagged names only', () => {
      expect(keys.agentIdFromRecord('agent:{alice}')).toBe('alice');
      expect(keys.agentIdFromRecord('agent:{alice}:heartbeat')).toBeUndefined();
      expect(keys.agentIdFromRecord('agent:{alice}:roles')).toBeUndefined();
      expect(keys.agentIdFromRecord('agent:alice')).toBeUndefined();
      expect(keys.agentIdFromRecord('agent:{}')).toBeUndefined();
      expect(keys.agentIdFromHeartbeat('agent:{alice}:heartbeat')).toBe('alice');
      expect(keys.agentIdFromHeartbeat('agent:alice:heartbeat')).toBeUndefined();
      expect(keys.agentIdFromChannel('agent.{alice}')).toBe('alice');
      expect(keys.agentIdFromChannel('agent.alice')).toBeUndefined();
      for (const id of ['a}b', 'a{b', 'x:y']) {
        expect(keys.agentIdFromRecord(keys.agent(id))).toBe(id);
        expect(keys.agentIdFromHeartbeat(keys.heartbeat(id))).toBe(id);
        expect(keys.agentIdFromChannel(keys.agentChannel(id))).toBe(id);
      }
    });

    it('has SCAN and ACL patterns that match what it names', () => {
      const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      expect(glob(keys.agentScanPattern).test(keys.agent('alice'))).toBe(true);
      expect(glob(keys.agentScanPattern).test(keys.heartbeat('alice'))).toBe(false);
      for (const name of [keys.agent('a'), keys.heartbeat('a'), keys.signingKey('a'), keys.agentRoles('a')]) {
        expect(glob(keys.agentKeysPattern).test(name), name).toBe(true);
      }
      expect(glob(keys.agentKeysPattern).test(keys.state('a'))).toBe(false);
    });
  });

  describe('namespace', () => {
    it('prefixes every key and channel, in both styles, and keeps the style', () => {
      for (const style of ['flat', 'cluster'] as const) {
        const plain = new MasKeySpace({ style });
        const scoped = new MasKeySpace({ style, namespace: 'tenant-a' });
        expect(scoped.namespace).toBe('tenant-a');
        const pairs = [...perAgentNames(plain, 'alice').map((name, i) => [name, perAgentNames(scoped, 'alice')[i]]), ...globalNames(plain).map((name, i) => [name, globalNames(scoped)[i]])];
        for (const [name, scopedName] of pairs) expect(scopedName).toBe(`tenant-a:${name}`);
        expect(scoped.agentScanPattern).toBe(`tenant-a:${plain.agentScanPattern}`);
        expect(scoped.templates.capability).toBe(`tenant-a:${plain.templates.capability}`);
      }
      const cluster = new MasKeySpace({ style: 'cluster', namespace: 'tenant-a' });
      expect(cluster.agent('alice')).toBe('tenant-a:agent:{alice}');
      expect(calculateSlot(cluster.agent('alice'))).toBe(calculateSlot(cluster.inbox('alice')));
    });

    it('parses ids of its own namespace only', () => {
      const a = new MasKeySpace({ namespace: 'a' });
      expect(a.agentIdFromRecord('a:agent:alice')).toBe('alice');
      expect(a.agentIdFromRecord('agent:alice')).toBeUndefined();
      expect(a.agentIdFromRecord('b:agent:alice')).toBeUndefined();
      expect(a.agentIdFromHeartbeat('a:agent:alice:heartbeat')).toBe('alice');
      expect(a.agentIdFromHeartbeat('agent:alice:heartbeat')).toBeUndefined();
      expect(a.agentIdFromChannel('a:agent.alice')).toBe('alice');
      expect(MasKeys.agentIdFromChannel('a:agent.alice')).toBeUndefined();
    });

    it('scopes ACL users, with a name a URL can carry', () => {
      const scoped = new MasKeySpace({ namespace: 'app:test' });
      expect(scoped.aclAgentUser('alice')).toBe('mas-agent.app.test.alice');
      expect(scoped.aclServiceUser('gateway')).toBe('mas-app.test.gateway');
    });

    it('leaves what Redis names, and group and field names, alone', () => {
      const scoped = new MasKeySpace({ style: 'cluster', namespace: 'x' });
      expect(scoped.expiredKeyEvents(3)).toBe('__keyevent@3__:expired');
      expect(scoped.inboxGroup).toBe(MasKeys.inboxGroup);
      expect(scoped.gatewayGroup).toBe(MasKeys.gatewayGroup);
      expect(scoped.envelopeField).toBe(MasKeys.envelopeField);
    });

    it('refuses namespaces that would break hash tags, globs or names', () => {
      for (const bad of ['', '{x}', 'a*', 'a b', ':a', 'a?b', 'x'.repeat(65)]) {
        expect(() => new MasKeySpace({ namespace: bad }), bad).toThrow(/Invalid namespace/);
      }
      expect(() => new MasKeySpace({ style: 'sharded' as never })).toThrow(/Unknown key style/);
    });
  });

  it('builds templates Lua scripts fill with the name in place of the mark', () => {
    const keys = new MasKeySpace({ style: 'cluster', namespace: 'ns' });
    expect(keys.templates.agent.replace(KEY_TEMPLATE_MARK, 'alice')).toBe(keys.agent('alice'));
    expect(keys.templates.capability.replace(KEY_TEMPLATE_MARK, 'chat')).toBe(keys.capability('chat'));
  });

  it('has members that work unbound', () => {
    const { agent, agentIdFromRecord } = new MasKeySpace({ style: 'cluster' });
    expect(['a', 'b'].map(agent)).toEqual(['agent:{a}', 'agent:{b}']);
    expect(agentIdFromRecord('agent:{a}')).toBe('a');
  });
});
