import 'reflect-metadata';
import { IsArray, IsBoolean, IsInt, IsNumber, IsObject, IsString, Min, MinLength } from 'class-validator';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentNotStartedError, MasKeys, StateValidationError } from '@mas/core';
import { AgentTracker, Probes, QuietLogger, redisUrlFor, uniqueId } from './support/e2e-helpers';

const SPEC = 'agent-state';
const redisUrl = redisUrlFor(5);
const id = (label: string) => uniqueId(SPEC, label);
const logger = new QuietLogger();

class CounterState {
  @IsInt()
  @Min(0)
  count = 0;

  @IsString()
  @MinLength(1)
  name = 'counter';

  @IsBoolean()
  active = false;

  @IsNumber()
  ratio = 0.5;

  @IsArray()
  @IsString({ each: true })
  tags: string[] = [];

  @IsObject()
  config: Record<string, unknown> = {};
}

describe('Agent state', () => {
  const agents = new AgentTracker();
  const probes = new Probes();
  const redis = probes.client(redisUrl);
  afterEach(() => agents.stopAll());
  afterAll(() => probes.closeAll());

  /** Stops `agent` and starts a fresh instance with the same id and options (a process restart). */
  async function restart<A extends Agent<any>>(agent: A, make: () => A): Promise<A> {
    await agent.stop();
    return agents.start(make());
  }

  /** A new agent id whose `agent.state:{id}` hash holds `fields`, as the Python implementation writes it. */
  async function writtenByPython(label: string, fields: Record<string, string>): Promise<string> {
    const agentId = id(label);
    await redis.hset(MasKeys.state(agentId), fields);
    return agentId;
  }

  describe('dict mode', () => {
    const values = {
      integer: 42,
      negative: -7,
      float: 3.25,
      zero: 0,
      yes: true,
      no: false,
      nothing: null,
      text: 'hello',
      empty: '',
      looksLikeNumber: '42',
      looksLikeFloat: '-1.5',
      looksLikeBool: 'true',
      looksLikePythonBool: 'True',
      looksLikeNull: 'null',
      looksLikeList: '[1,2]',
      looksLikeObject: '{"a":1}',
      quoted: '"quoted"',
      padded: ' 42 ',
      multiline: 'line 1\nline 2',
      unicode: 'naïve ☕',
      list: [1, 'two', null, true, [3, [4]], { five: 5 }],
      emptyList: [],
      dict: { a: { b: { c: [1, { d: 'e' }] } }, n: null, s: '7' },
      emptyDict: {},
    };

    it('round-trips JSON values without loss across a restart', async () => {
      const agentId = id('dict');
      const make = () => new Agent(agentId, { redisUrl, logger });
      const first = await agents.start(make());
      expect(first.state).toEqual({});

      await first.updateState(values);
      expect(first.state).toEqual(values);

      const second = await restart(first, make);
      expect(second.state).toEqual(values);
      for (const [key, value] of Object.entries(values)) {
        expect(typeof (second.state as Record<string, unknown>)[key], key).toBe(typeof value);
      }
    });

    it('merges updates, removes keys set to undefined, and persists each change', async () => {
      const agentId = id('merge');
      const make = () => new Agent(agentId, { redisUrl, logger });
      const agent = await agents.start(make());

      await agent.updateState({ a: 1, b: 'two', c: [3] });
      await agent.updateState({ b: 'deux', d: { four: 4 } });
      await agent.updateState({ c: undefined });

      expect(agent.state).toEqual({ a: 1, b: 'deux', d: { four: 4 } });
      expect(await redis.hkeys(MasKeys.state(agentId))).toEqual(expect.arrayContaining(['a', 'b', 'd']));
      expect(await redis.hexists(MasKeys.state(agentId), 'c')).toBe(0);
      const again = await restart(agent, make);
      expect(again.state).toEqual({ a: 1, b: 'deux', d: { four: 4 } });
    });

    it('stores one hash field per key in agent.state:{id}', async () => {
      const agentId = id('fields');
      const agent = await agents.start(new Agent(agentId, { redisUrl, logger }));
      await agent.updateState({ count: 5, name: 'x', tags: ['a'] });

      expect(MasKeys.state(agentId)).toBe(`agent.state:${agentId}`);
      const hash = await redis.hgetall(`agent.state:${agentId}`);
      expect(Object.keys(hash).sort()).toEqual(['count', 'name', 'tags']);
      // Primitives as plain strings, lists as JSON: what the Python implementation reads.
      expect(hash.count).toBe('5');
      expect(hash.name).toBe('x');
      expect(JSON.parse(hash.tags)).toEqual(['a']);
    });

    it('loads a hash written the Python way', async () => {
      const agentId = await writtenByPython('py-dict', {
        count: '42',
        ratio: '3.14',
        name: 'test',
        active: 'True',
        tags: '["a", "b"]',
        config: '{"k": 1, "nested": {"x": [1, 2]}}',
      });
      const agent = await agents.start(new Agent(agentId, { redisUrl, logger }));

      expect(agent.state).toEqual({
        count: 42,
        ratio: 3.14,
        name: 'test',
        // Without a model there is no type to tell a Python bool from the string "True": kept as written.
        active: 'True',
        tags: ['a', 'b'],
        config: { k: 1, nested: { x: [1, 2] } },
      });
    });

    it('resetState empties the state and deletes the hash; a restart stays empty', async () => {
      const agentId = id('reset');
      const make = () => new Agent(agentId, { redisUrl, logger });
      const agent = await agents.start(make());
      await agent.updateState({ a: 1, b: [2] });
      expect(await redis.exists(MasKeys.state(agentId))).toBe(1);

      await expect(agent.resetState()).resolves.toEqual({});

      expect(agent.state).toEqual({});
      expect(await redis.exists(MasKeys.state(agentId))).toBe(0);
      const again = await restart(agent, make);
      expect(again.state).toEqual({});
    });

    it('is not available before start', async () => {
      const agent = agents.track(new Agent(id('idle'), { redisUrl, logger }));
      expect(() => agent.state).toThrow(AgentNotStartedError);
      await expect(agent.updateState({ a: 1 })).rejects.toBeInstanceOf(AgentNotStartedError);
    });
  });

  describe('class mode (stateModel)', () => {
    it('starts from the model defaults as a model instance', async () => {
      const agent = await agents.start(new Agent<CounterState>(id('defaults'), { redisUrl, logger, stateModel: CounterState }));

      expect(agent.state).toBeInstanceOf(CounterState);
      expect({ ...agent.state }).toEqual({ count: 0, name: 'counter', active: false, ratio: 0.5, tags: [], config: {} });
    });

    it('persists validated updates across a restart', async () => {
      const agentId = id('class');
      const make = () => new Agent<CounterState>(agentId, { redisUrl, logger, stateModel: CounterState });
      const agent = await agents.start(make());

      await agent.updateState({ count: 5, active: true, tags: ['a', 'b'] });
      await agent.updateState({ config: { depth: { x: [1, null] } }, ratio: 0.75 });
      expect(agent.state.count).toBe(5);

      const again = await restart(agent, make);
      expect(again.state).toBeInstanceOf(CounterState);
      expect({ ...again.state }).toEqual({
        count: 5,
        name: 'counter',
        active: true,
        ratio: 0.75,
        tags: ['a', 'b'],
        config: { depth: { x: [1, null] } },
      });
    });

    it('rejects an invalid update with StateValidationError and changes nothing, in memory or in Redis', async () => {
      const agentId = id('invalid');
      const agent = await agents.start(new Agent<CounterState>(agentId, { redisUrl, logger, stateModel: CounterState }));
      await agent.updateState({ count: 5, name: 'kept' });
      const hashBefore = await redis.hgetall(MasKeys.state(agentId));
      const stateBefore = { ...agent.state };

      const error = await agent.updateState({ count: -1, name: 'changed' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StateValidationError);
      expect((error as StateValidationError).violations.some((v) => v.startsWith('count'))).toBe(true);

      const wrongType = await agent.updateState({ tags: 'not-a-list' } as never).catch((e: unknown) => e);
      expect(wrongType).toBeInstanceOf(StateValidationError);
      expect((wrongType as StateValidationError).violations.some((v) => v.startsWith('tags'))).toBe(true);

      expect({ ...agent.state }).toEqual(stateBefore);
      expect(agent.state.name).toBe('kept');
      expect(await redis.hgetall(MasKeys.state(agentId))).toEqual(hashBefore);
    });

    it('loads a hash written the Python way into typed fields', async () => {
      const agentId = await writtenByPython('py-class', {
        count: '42',
        name: 'test',
        active: 'True',
        ratio: '0.25',
        tags: '["x", "y"]',
        config: '{"k": 1}',
      });
      const agent = await agents.start(new Agent<CounterState>(agentId, { redisUrl, logger, stateModel: CounterState }));

      expect(agent.state).toBeInstanceOf(CounterState);
      expect({ ...agent.state }).toEqual({ count: 42, name: 'test', active: true, ratio: 0.25, tags: ['x', 'y'], config: { k: 1 } });
      // and it keeps working: a valid update on top of the Python data
      await agent.updateState({ count: 43 });
      expect(agent.state.count).toBe(43);
    });

    it('reads a Python "False" and a numeric-looking name correctly', async () => {
      const agentId = await writtenByPython('py-class-2', { active: 'False', name: '123' });
      const agent = await agents.start(new Agent<CounterState>(agentId, { redisUrl, logger, stateModel: CounterState }));

      expect(agent.state.active).toBe(false);
      expect(agent.state.name).toBe('123');
      expect(agent.state.count).toBe(0);
    });

    it('resetState goes back to the defaults and deletes the hash', async () => {
      const agentId = id('class-reset');
      const make = () => new Agent<CounterState>(agentId, { redisUrl, logger, stateModel: CounterState });
      const agent = await agents.start(make());
      await agent.updateState({ count: 9, tags: ['t'] });

      const reset = await agent.resetState();

      expect(reset).toBeInstanceOf(CounterState);
      expect(agent.state.count).toBe(0);
      expect(agent.state.tags).toEqual([]);
      expect(await redis.exists(MasKeys.state(agentId))).toBe(0);
      const again = await restart(agent, make);
      expect(again.state.count).toBe(0);
    });
  });
});
