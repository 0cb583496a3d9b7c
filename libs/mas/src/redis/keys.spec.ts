import calculateSlot from 'cluster-key-slot';
import { describe, expect, it } from 'vitest';
import { KEY_TEMPLATE_MARK, MasKeys, MasKeySpace } from './keys';

/** Every per-agent name builder of a key space, applied to `id`. */
function perAgentNames(keys: MasKeySpace, id: string): string[] {
  return [
    keys.agentChannel(id), keys.agent(id), keys.heartbeat(id), keys.state(id), keys.inbox(id), keys.inboxLimits(id),
    keys.completed(id), keys.replicas(id), keys.signingKey(id), keys.agentToken(id), keys.publicKey(id), keys.allowedTargets(id),
    keys.blockedTargets(id), keys.agentRoles(id), keys.revokedTokens(id), keys.rateLimit(id, 'minute:1'),
    keys.nonce(id, 'n1'), keys.priorityQueue(id, 'HIGH'),
    keys.circuit(id), keys.gatewayAwaitingReply(id, 'c1'), keys.provisionGrant(id),
  ];
}

/** A Redis glob pattern (`*` only) as a regular expression. */
function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** Every global name of a key space but the audit trail's and the ingress streams. */
function globalNames(keys: MasKeySpace): string[] {
  return [
    keys.systemChannel, keys.allAgents, keys.registryIndexed, keys.epoch, keys.deadLetters,
    keys.gatewayDefaultRole, keys.gatewayPublicKeys, keys.priorityQueueTargets, keys.provisionedAgents,
  ];
}

/** Every key of the gateway's audit trail (one script appends to all of them). */
function auditTrailNames(keys: MasKeySpace, id: string): string[] {
  return [
    keys.audit, keys.auditHead, keys.auditCheckpoints, keys.auditBase, keys.auditKeyId, keys.auditRetentionLease, keys.securityEvents,
    keys.auditBySender(id), keys.auditByTarget(id), keys.auditUnauthenticated(`sender:${id}`, 7), keys.auditUnauthenticated('*', 7),
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
      expect(MasKeys.signingKey('alice')).toBe('mas:secret:signing_key:alice');
      expect(MasKeys.agentToken('alice')).toBe('mas:secret:token:alice');
      expect(MasKeys.secretPattern).toBe('mas:secret:*');
      expect(MasKeys.gatewayIngress).toBe('mas.gateway.ingress');
      expect(MasKeys.gatewayIngressStreams).toEqual(['mas.gateway.ingress']);
      expect(MasKeys.gatewayIngressFor('alice')).toBe('mas.gateway.ingress');
      expect(MasKeys.gatewayIngressPattern).toBe('mas.gateway.ingress');
      expect(MasKeys.agentIngress('alice')).toBe('mas.gateway.ingress:alice');
      expect(MasKeys.agentIngressPattern).toBe('mas.gateway.ingress:*');
      expect(MasKeys.agentIdFromIngress('mas.gateway.ingress:alice')).toBe('alice');
      expect(MasKeys.agentIdFromIngress(MasKeys.gatewayIngress)).toBeUndefined();
      expect(MasKeys.audit).toBe('audit:messages');
      expect(MasKeys.auditBySender('alice')).toBe('audit:by_sender:alice');
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
      expect(keys.signingKey('alice')).toBe('mas:secret:signing_key:{alice}');
      expect(keys.agentToken('alice')).toBe('mas:secret:token:{alice}');
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
      expect(new Set(globalNames(keys).map((name) => calculateSlot(name))).size).toBe(globalNames(keys).length);
    });

    it('puts every key of the audit trail in one slot, whoever the sender', () => {
      for (const namespace of [undefined, 'tenant-a']) {
        const spaced = new MasKeySpace({ style: 'cluster', namespace });
        const slots = new Set(['alice', 'bob', 'x:y'].flatMap((id) => auditTrailNames(spaced, id)).map((name) => calculateSlot(name)));
        expect(slots.size).toBe(1);
        expect(spaced.audit).toBe(`${namespace ? `${namespace}:` : ''}audit:{trail}:messages`);
      }
    });

    it('shards the gateway ingress over 16 streams of their own slots, each sender on one', () => {
      const streams = keys.gatewayIngressStreams;
      expect(streams).toHaveLength(16);
      expect(streams[0]).toBe('mas.gateway.ingress:{0}');
      expect(keys.gatewayIngress).toBe(streams[0]);
      const slots = streams.map((stream) => calculateSlot(stream));
      expect(new Set(slots).size).toBe(16);
      // On a fresh 3-master cluster (slots 0-5460, 5461-10922, 10923-16383) every master serves some.
      expect(new Set(slots.map((slot) => Math.floor(slot / 5461.34))).size).toBe(3);
      const chosen = Array.from({ length: 200 }, (_, i) => keys.gatewayIngressFor(`agent-${i}`));
      expect(new Set(chosen).size).toBe(16);
      for (const stream of chosen) expect(streams).toContain(stream);
      expect(keys.gatewayIngressFor('alice')).toBe(keys.gatewayIngressFor('alice'));
      for (const stream of streams) expect(glob(keys.gatewayIngressPattern).test(stream), stream).toBe(true);
      expect(glob(keys.gatewayIngressPattern).test(keys.inbox('a'))).toBe(false);
    });

    it("puts a provisioned agent's own ingress stream in the slot of the shard its id writes to", () => {
      for (const id of ['alice', 'bob', 'agent-7', 'zt-mallory-1f']) {
        const own = keys.agentIngress(id);
        expect(own).toBe(`mas.gateway.ingress:{${keys.gatewayIngressShard(id)}}:${id}`);
        expect(calculateSlot(own), id).toBe(calculateSlot(keys.gatewayIngressFor(id)));
        expect(glob(keys.agentIngressPattern).test(own), own).toBe(true);
        expect(glob(keys.gatewayIngressPattern).test(own), 'not a shared shard').toBe(false);
        expect(keys.agentIdFromIngress(own)).toBe(id);
      }
      for (const stream of keys.gatewayIngressStreams) expect(keys.agentIdFromIngress(stream), stream).toBeUndefined();
      expect(glob(keys.agentIngressPattern).test(keys.gatewayIngress)).toBe(false);
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
      expect(glob(keys.agentScanPattern).test(keys.agent('alice'))).toBe(true);
      expect(glob(keys.agentScanPattern).test(keys.heartbeat('alice'))).toBe(false);
      for (const name of [keys.agent('a'), keys.heartbeat('a'), keys.publicKey('a'), keys.agentRoles('a')]) {
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

  describe('secrets', () => {
    const spaces = (['flat', 'cluster'] as const).flatMap((style) => [new MasKeySpace({ style }), new MasKeySpace({ style, namespace: 'tenant-a' })]);

    it('are under the secret pattern, in every style and namespace', () => {
      for (const keys of spaces) {
        for (const name of [keys.signingKey('alice'), keys.agentToken('alice'), keys.agentToken('a:b')]) {
          expect(glob(keys.secretPattern).test(name), `${keys.style}/${keys.namespace}: ${name}`).toBe(true);
        }
        expect(keys.secretPattern).toBe(`${keys.prefix}mas:secret:*`);
      }
    });

    it('are under no pattern an agent may read, and the pattern covers no other name', () => {
      for (const keys of spaces) {
        const readable = [keys.agentKeysPattern, keys.capability('*'), keys.allAgents, keys.inboxLimits('*'), keys.epoch, keys.gatewayPublicKeys];
        for (const name of [keys.signingKey('alice'), keys.agentToken('alice')]) {
          for (const pattern of readable) expect(glob(pattern).test(name), `${pattern} ~ ${name}`).toBe(false);
        }
        const others = [...perAgentNames(keys, 'alice'), ...globalNames(keys)].filter((name) => name !== keys.signingKey('alice') && name !== keys.agentToken('alice'));
        for (const name of others) expect(glob(keys.secretPattern).test(name), name).toBe(false);
      }
    });

    it('of one namespace are under no pattern agents of another key space may read', () => {
      // A namespace is a prefix: `agent` would put its secrets at `agent:mas:secret:*`, inside the
      // `agent:*` an agent on the default names reads. Such namespaces are refused.
      for (const bad of ['agent', 'agent:x', 'tenant:agent', 'tenant:agent:b', 'mas:cap', 'mas:limits', 'a:mas:cap:b']) {
        expect(() => new MasKeySpace({ namespace: bad }), bad).toThrow(/Invalid namespace/);
      }
      const namespaces = [undefined, 'mas', 'mas:test', 'mas:agents', 'agents', 'tenant-a', 'tenant-a:b', 'app.agent', 'my-agent', 'caps'];
      const all = (['flat', 'cluster'] as const).flatMap((style) => namespaces.map((namespace) => new MasKeySpace({ style, namespace })));
      for (const reader of all) {
        const readable = [reader.agentKeysPattern, reader.capability('*'), reader.allAgents, reader.inboxLimits('*'), reader.epoch, reader.gatewayPublicKeys];
        for (const owner of all) {
          for (const name of [owner.signingKey('x'), owner.agentToken('x'), owner.signingKey('agent'), owner.agentToken('a:b')]) {
            for (const pattern of readable) expect(glob(pattern).test(name), `${pattern} ~ ${name}`).toBe(false);
          }
        }
      }
    });

    it('share the slot of the agent record in the cluster style (the registration scripts touch both)', () => {
      for (const namespace of [undefined, 'tenant-a']) {
        const keys = new MasKeySpace({ style: 'cluster', namespace });
        for (const id of ['alice', 'x:y']) {
          expect(calculateSlot(keys.agentToken(id))).toBe(calculateSlot(keys.agent(id)));
          expect(calculateSlot(keys.signingKey(id))).toBe(calculateSlot(keys.agent(id)));
        }
      }
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
