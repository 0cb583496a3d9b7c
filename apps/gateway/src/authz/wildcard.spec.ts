import { describe, expect, it } from 'vitest';
import { wildcardMatch } from './wildcard';

describe('wildcardMatch', () => {
  it.each([
    ['send:*', 'send:anything', true],
    ['send:agent.*', 'send:agent.x', true],
    ['send:agent.*', 'send:agentx', false],
    ['send:agent.*', 'SEND:agent.x', false],
    ['send:agent.*', 'xsend:agent.x', false],
    ['*', 'send:b', true],
    ['worker-*-eu', 'worker-7-eu', true],
    ['worker-*-eu', 'worker-7-eu-2', false],
    ['a+b(c)', 'a+b(c)', true],
    ['a.b', 'axb', false],
    ['send:*', 'send:', true],
  ])('%s vs %s → %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });
});
