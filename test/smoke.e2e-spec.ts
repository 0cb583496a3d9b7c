import { afterAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage } from '@mas/core';

class Echo extends Agent {
  @AgentHandler('echo')
  echo(data: Record<string, unknown>) {
    return { echoed: data };
  }
}

describe('smoke', () => {
  const a = new Echo('smoke-echo');
  const b = new Agent('smoke-client');
  afterAll(async () => {
    await a.stop();
    await b.stop();
  });
  it('request/reply', async () => {
    await a.start();
    await b.start();
    const reply: AgentMessage = await b.request('smoke-echo', 'echo', { x: 1 });
    expect(reply.data).toEqual({ echoed: { x: 1 } });
  });
});
