import { describe, expect, it } from 'vitest';
import { decisionOf, gatewayAgentFactory, gatewaySuite } from './gateway/spec-helpers';

// Red team: card numbers (credit_card: BLOCK by default) written in ways the DLP normalisation
// does not cover, sent through a real gateway. Each must be DLP_BLOCKED; a failing case is a
// finding. The first is the baseline. Issue 12 lists space among the separators it normalises and
// asks for a card split across an array to be found: the next cases are those, barely varied.
const suite = gatewaySuite(6);
const gatewayAgent = gatewayAgentFactory('rtdlp', () => suite.redisUrl, suite.agents);
const CARD = '4111111111111111';
const groups = (separator: string) => CARD.match(/.{4}/g)!.join(separator);

describe('red team: DLP on card numbers in unusual layouts', () => {
  it.each<[string, Record<string, unknown>]>([
    ['baseline: groups of four, one space', { note: groups(' ') }],
    ['groups of four, two spaces', { note: groups('  ') }],
    ['groups of four, a tab', { note: groups('\t') }],
    ['groups of four, one per line', { note: groups('\n') }],
    ['groups of four, commas', { note: groups(',') }],
    ['groups of four, pipes', { note: groups('|') }],
    ['groups of four across the values of an object', { part1: '4111', part2: '1111', part3: '1111', part4: '1111' }],
    ['groups of four as nested keys', { 4111: { 1111: { 1111: { 1111: true } } } }],
    ['HTML character references', { html: [...CARD].map((c) => `&#${c.charCodeAt(0)};`).join('') }],
  ])('%s is DLP_BLOCKED', async (_label, data) => {
    const { agent: alice } = await gatewayAgent('alice');
    const { agent: bob, received } = await gatewayAgent('bob');
    const decision = await decisionOf(alice.send(bob.id, 'checkout', data));
    expect(decision).toBe('DLP_BLOCKED');
    expect(received).toEqual([]);
  });
});
