import { AgentHandler } from '@mas/core';
import { MasAgent } from '@mas/core/nest';
import { Type } from 'class-transformer';
import { IsIn, IsNumber } from 'class-validator';

/** What the calculator accepts: validated before the handler runs. */
export class CalculateRequest {
  @IsIn(['add', 'multiply', 'divide'])
  op!: 'add' | 'multiply' | 'divide';

  @IsNumber()
  @Type(() => Number)
  a!: number;

  @IsNumber()
  @Type(() => Number)
  b!: number;
}

/** An agent that answers arithmetic requests. */
@MasAgent({ id: 'demo-calculator', capabilities: ['math'] })
export class CalculatorAgent {
  @AgentHandler('calculate', { model: CalculateRequest })
  calculate({ op, a, b }: CalculateRequest): { result: number } {
    if (op === 'divide' && b === 0) throw new RangeError('division by zero');
    const result = op === 'add' ? a + b : op === 'multiply' ? a * b : a / b;
    return { result };
  }
}
