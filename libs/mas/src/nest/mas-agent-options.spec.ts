import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidCredentialsError } from '../errors/provisioning.errors';
import { encodeCredentials } from '../provisioning/agent-credentials';
import { resolveMasAgentOptions } from './mas-agent-options';

const credentialsOf = (id: string) => encodeCredentials(id, generateKeyPairSync('ed25519').privateKey);

describe('resolveMasAgentOptions', () => {
  it('layers module options, then agents[id], then the decorator (gateway objects merge)', () => {
    const module = { redisUrl: 'redis://shared:1', requestTimeoutMs: 9, gateway: { decisionTimeoutMs: 5 }, agents: { a: { redisUrl: 'redis://a:1', gateway: { credentials: credentialsOf('a') } } } };
    const a = resolveMasAgentOptions(module, { id: 'a' }, 'A');
    expect(a).toMatchObject({ id: 'a', redisUrl: 'redis://a:1', requestTimeoutMs: 9, gateway: { decisionTimeoutMs: 5, credentials: module.agents.a.gateway.credentials } });
    expect(a).not.toHaveProperty('agents');
    const own = credentialsOf('a');
    expect(resolveMasAgentOptions(module, { id: 'a', redisUrl: 'redis://own:1', gateway: { credentials: own } }, 'A')).toMatchObject({ redisUrl: 'redis://own:1', gateway: { credentials: own } });
    expect(resolveMasAgentOptions(module, { id: 'b' }, 'B')).toMatchObject({ redisUrl: 'redis://shared:1', gateway: { decisionTimeoutMs: 5 } });
  });

  it('refuses credentials of another id or malformed ones, naming the provider', () => {
    expect(() => resolveMasAgentOptions({ gateway: { credentials: credentialsOf('x') } }, { id: 'y' }, 'YAgent')).toThrow(InvalidCredentialsError);
    expect(() => resolveMasAgentOptions({ gateway: { credentials: credentialsOf('x') } }, { id: 'y' }, 'YAgent')).toThrow(/YAgent \("y"\): they were provisioned for "x"/);
    expect(() => resolveMasAgentOptions({}, { id: 'y', gateway: { credentials: 'garbage' } }, 'YAgent')).toThrow(InvalidCredentialsError);
  });
});
