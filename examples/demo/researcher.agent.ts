import { Agent, MasError } from '@mas/core';
import { AgentRef, MasAgent } from '@mas/core/nest';

/** An agent that finds a calculator by capability and asks it questions. */
@MasAgent({ id: 'demo-researcher', capabilities: ['research'] })
export class ResearcherAgent {
  @AgentRef() private readonly agent!: Agent;

  /** Discovers a `math` agent, then sends it a few requests and prints the answers. */
  async run(print: (line: string) => void): Promise<void> {
    const [calculator] = await this.agent.discover(['math']);
    if (!calculator) throw new MasError('no agent with the "math" capability is running');
    print(`researcher: discovered "${calculator.id}" (capabilities: ${calculator.capabilities.join(', ')})`);
    const questions = [
      { op: 'add', a: 19, b: 23 },
      { op: 'multiply', a: 6, b: 7 },
      { op: 'divide', a: 1, b: 0 },
      { op: 'sqrt', a: 9, b: 0 },
    ];
    for (const question of questions) {
      print(`researcher → ${calculator.id}: calculate ${JSON.stringify(question)}`);
      try {
        const reply = await this.agent.request(calculator.id, 'calculate', question, { timeout: 5000 });
        print(`${calculator.id} → researcher: ${JSON.stringify(reply.data)}`);
      } catch (error) {
        print(`${calculator.id} → researcher: error ${(error as Error).name}: ${(error as Error).message}`);
      }
    }
  }
}
