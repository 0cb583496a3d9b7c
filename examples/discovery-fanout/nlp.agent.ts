import { Agent, AgentHandler } from '@mas/core';
import { IsString, MinLength } from 'class-validator';

/** Payload of `text.analyze`. */
export class AnalyzeRequest {
  @IsString()
  @MinLength(1)
  text!: string;
}

/** What one NLP skill makes of a text. */
export type Analyzer = (text: string) => Record<string, unknown>;

const words = (text: string): string[] => text.toLowerCase().match(/[a-zà-ÿ']+/g) ?? [];

/** The three skills the example starts, each in its own agent. */
export const ANALYZERS: Record<string, Analyzer> = {
  sentiment: (text) => {
    const good = new Set(['good', 'great', 'love', 'fast', 'happy', 'excellent']);
    const bad = new Set(['bad', 'slow', 'hate', 'broken', 'sad', 'awful']);
    const score = words(text).reduce((sum, w) => sum + (good.has(w) ? 1 : bad.has(w) ? -1 : 0), 0);
    return { sentiment: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', score };
  },
  keywords: (text) => {
    const counts = new Map<string, number>();
    for (const w of words(text).filter((w) => w.length > 3)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const keywords = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([w]) => w);
    return { keywords };
  },
  stats: (text) => ({ words: words(text).length, characters: text.length }),
};

/** An agent with the `nlp` capability (plus its skill's name) that answers `text.analyze`. */
export class NlpAgent extends Agent {
  constructor(
    readonly skill: string,
    private readonly analyzer: Analyzer,
  ) {
    super(`nlp-${skill}`, { capabilities: ['nlp', skill] });
  }

  @AgentHandler('text.analyze', { model: AnalyzeRequest })
  analyze(request: AnalyzeRequest): Record<string, unknown> {
    return { skill: this.skill, ...this.analyzer(request.text) };
  }
}
