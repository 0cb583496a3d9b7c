import { Logger } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { Agent, MasKeys } from '@mas/core';
import { decisionOf, gatewaySuite, inboxEnvelopes, registeredTarget } from './gateway/spec-helpers';
import { QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';

// No silent loss behind the gateway: a target whose inbox is full (the capacity it declared, which
// the gateway honours as an agent's reliable send does) must not swallow what the gateway admitted.
// Each message is delivered, or dead-lettered with the reason, audited and counted.
const SPEC = 'gwfull';
const API_KEY = 'inbox-full-key';
const suite = gatewaySuite(13, { rateLimit: { perMinute: 100_000, perHour: 1_000_000 }, http: { apiKey: API_KEY } }, true);

describe('a full inbox behind the gateway', () => {
  it('delivers what fits; each of the rest is a dead letter with its reason, audited and counted, or refused to its sender', async () => {
    const target = await registeredTarget(suite.redis, uniqueId(SPEC, 'target'));
    await suite.redis.hset(MasKeys.inboxLimits(target), 'max_message_bytes', 1_000_000, 'inbox_capacity', 5);
    const sender = await suite.agents.start(new Agent(uniqueId(SPEC, 'sender'), { redisUrl: suite.redisUrl, logger: new QuietLogger(), gateway: { decisionTimeoutMs: 5_000 } }));

    const warnings = vi.spyOn(Logger.prototype, 'warn');
    const decisions = [];
    for (let i = 0; i < 12; i++) decisions.push(await decisionOf(sender.send(target, 'work.item', { i })));
    const admitted = decisions.filter((d) => d === 'ALLOWED').length;

    // Delivery runs after the decision: wait until every admitted message is either in the inbox or a dead letter.
    const letters = async () => (await suite.redis.xrange(MasKeys.deadLetters, '-', '+')).filter(([, fields]) => fields.includes(target));
    await waitFor(async () => (await inboxEnvelopes(suite.redis, target)).length + (await letters()).length >= admitted, 10_000);

    const delivered = (await inboxEnvelopes(suite.redis, target)).map((envelope) => envelope.data.i);
    const field = (fields: string[], name: string) => fields[fields.indexOf(name) + 1];
    const dead = new Map((await letters()).map(([, fields]) => [JSON.parse(field(fields, 'envelope')).data.i as number, field(fields, 'reason')]));
    expect(delivered).toEqual([0, 1, 2, 3, 4]);
    // Every other message is a dead letter saying why: admitted ones the full inbox refused, and
    // those the gateway then refused outright (the target's circuit opened), which their sender was told.
    expect([...dead.keys()].sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    decisions.forEach((decision, i) => {
      if (i < 5) return expect(decision).toBe('ALLOWED');
      // Admitted, then refused by the full inbox, or held back once the refusals had opened the circuit.
      if (decision === 'ALLOWED') expect(dead.get(i)).toMatch(/^(delivery_failed: The inbox of .* is full \(5 unacknowledged messages, capacity 5\)|circuit_open: )/);
      else expect([decision, dead.get(i)]).toEqual(['CIRCUIT_OPEN', expect.stringMatching(/^circuit_open/)]);
    });
    const lostAfterAdmission = decisions.filter((d, i) => i >= 5 && d === 'ALLOWED').length;
    const refusedByInbox = [...dead.values()].filter((reason) => reason.startsWith('delivery_failed')).length;
    expect(refusedByInbox).toBeGreaterThan(0);

    const audited = (await suite.redis.xrange(MasKeys.audit, '-', '+')).map(([, fields]) => fields.join(' ')).filter((line) => line.includes(target) && line.includes('dead-lettered: '));
    expect(audited).toHaveLength(lostAfterAdmission);
    const metrics = await (await fetch(`${suite.gateway.url}/metrics`, { headers: { 'x-api-key': API_KEY } })).text();
    expect(metrics).toMatch(new RegExp(`gateway_dead_letters_total\\{reason="delivery_failed"\\} ${refusedByInbox}\\b`));
    // Logged at once, with context, without a line per letter: one per reason and target, then a count.
    const lines = warnings.mock.calls.map(([line]) => String(line)).filter((line) => line.includes(target));
    expect(lines.filter((line) => line.includes('delivery_failed'))).toEqual([expect.stringMatching(new RegExp(`^Dead-lettered \\S+ from "${sender.id}" to "${target}" as \\d+-\\d+: delivery_failed: The inbox .* is full`))]);
    warnings.mockRestore();
  });
});
