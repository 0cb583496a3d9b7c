import { Logger } from '@nestjs/common';
import { Agent, AgentMessage } from '@mas/core';

/**
 * The smallest MAS program: a standalone agent in three lines (marked below), plus a listener so
 * that the greeting has somewhere to go. Run it with `npm run example:standalone`.
 */
async function main(): Promise<void> {
  let received!: (message: AgentMessage) => void;
  const greeting = new Promise<AgentMessage>((resolve) => (received = resolve));
  const listener = new Agent('standalone-listener', { onMessage: (message) => received(message) });
  await listener.start();

  // ── the three lines ──────────────────────────────────────────────────────────────
  const agent = new Agent('standalone-greeter', { capabilities: ['chat'] });
  await agent.start();
  await agent.send('standalone-listener', 'greeting.message', { hello: 'world' });
  // ─────────────────────────────────────────────────────────────────────────────────

  const message = await Promise.race([
    greeting,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no greeting arrived within 5 s')), 5_000).unref()),
  ]);
  console.log(`standalone-listener received "${message.messageType}" from ${message.senderId}: ${JSON.stringify(message.data)}`);
  await Promise.all([agent.stop(), listener.stop()]);
}

main().catch((error: unknown) => {
  new Logger('standalone').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
