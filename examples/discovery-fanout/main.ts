import { Logger } from '@nestjs/common';
import { Agent } from '@mas/core';
import { ANALYZERS, NlpAgent } from './nlp.agent';

const TEXT = 'The new release is great: fast startup, great docs, but the installer is still slow.';

/**
 * Capability discovery fan-out: three `nlp` agents (and one that is not) start; a coordinator
 * discovers every agent having `nlp`, asks them all at once and gathers the replies.
 * Run it with `npm run example:discovery-fanout`.
 */
async function main(): Promise<void> {
  Logger.overrideLogger(['warn', 'error']);
  const workers: Agent[] = [
    ...Object.entries(ANALYZERS).map(([skill, analyze]) => new NlpAgent(skill, analyze)),
    new Agent('fanout-calculator', { capabilities: ['math'] }),
  ];
  const coordinator = new Agent('fanout-coordinator', { capabilities: ['coordination'] });
  await Promise.all([...workers, coordinator].map((agent) => agent.start()));
  console.log('\nMAS example: discovery fan-out\n');
  try {
    const nlp = (await coordinator.discover(['nlp'])).sort((a, b) => a.id.localeCompare(b.id));
    console.log(`  coordinator: discovered ${nlp.length} nlp agent(s): ${nlp.map((a) => a.id).join(', ')}`);
    console.log(`  coordinator → all of them: text.analyze "${TEXT}"`);
    const startedAt = Date.now();
    const results = await Promise.allSettled(
      nlp.map((agent) => coordinator.request(agent.id, 'text.analyze', { text: TEXT }, { timeout: 3_000 })),
    );
    results.forEach((result, i) => {
      const from = nlp[i].id;
      if (result.status === 'fulfilled') console.log(`  ${from} → coordinator: ${JSON.stringify(result.value.data)}`);
      else console.log(`  ${from} → coordinator: failed, ${(result.reason as Error).message}`);
    });
    const replies = results.filter((r) => r.status === 'fulfilled').length;
    console.log(`  coordinator: gathered ${replies}/${nlp.length} replies in ${Date.now() - startedAt} ms\n`);
  } finally {
    await Promise.all([coordinator, ...workers].map((agent) => agent.stop()));
  }
}

main().catch((error: unknown) => {
  new Logger('discovery-fanout').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
