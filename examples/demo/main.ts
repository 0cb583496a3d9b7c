import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MasModule } from '@mas/core/nest';
import { CalculatorAgent } from './calculator.agent';
import { ResearcherAgent } from './researcher.agent';

@Module({
  imports: [MasModule.forRoot({})], // Redis from the settings: REDIS_URL, MAS_REDIS__URL or config/mas.yaml
  providers: [CalculatorAgent, ResearcherAgent],
})
class DemoModule {}

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(DemoModule, { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
  const print = (line: string) => console.log(`  ${line}`);
  console.log('\nMAS demo: two agents in one Nest app, talking peer-to-peer over Redis\n');
  try {
    await app.get(ResearcherAgent).run(print);
  } finally {
    console.log('');
    await app.close();
  }
  console.log('\nDone. Run the tests with: npm test\n');
}

main().catch((error: unknown) => {
  new Logger('demo').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
