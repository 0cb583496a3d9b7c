import { SpanKind } from '@opentelemetry/api';
import { ConsoleSpanExporter, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * The OpenTelemetry SDK of this example, registered before any agent starts: MAS needs nothing
 * else (its spans appear once a tracer provider is registered). `TRACING_EXPORTER=console` also
 * prints every span as the SDK's ConsoleSpanExporter does; in production an OTLP exporter
 * (`@opentelemetry/exporter-trace-otlp-http`) goes where the console one is.
 */
export function startTracing(): { provider: NodeTracerProvider; spans: () => ReadableSpan[] } {
  const memory = new InMemorySpanExporter();
  const processors: SpanProcessor[] = [new SimpleSpanProcessor(memory)];
  if (process.env.TRACING_EXPORTER === 'console') processors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  const provider = new NodeTracerProvider({ spanProcessors: processors });
  provider.register();
  return { provider, spans: () => memory.getFinishedSpans() };
}

const KINDS: Record<number, string> = { [SpanKind.INTERNAL]: 'internal', [SpanKind.PRODUCER]: 'producer', [SpanKind.CONSUMER]: 'consumer' };

/** The spans of one trace as an indented tree, parents first, siblings by start time. */
export function traceTree(spans: ReadableSpan[], traceId: string): string[] {
  const mine = spans.filter((span) => span.spanContext().traceId === traceId);
  const ids = new Set(mine.map((span) => span.spanContext().spanId));
  const children = new Map<string | undefined, ReadableSpan[]>();
  for (const span of mine) {
    const parent = span.parentSpanContext?.spanId;
    const key = parent && ids.has(parent) ? parent : undefined;
    children.set(key, [...(children.get(key) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    const level = (children.get(parent) ?? []).sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
    for (const span of level) {
      const agent = span.attributes['mas.agent.id'];
      lines.push(`${'  '.repeat(depth)}${span.name} (${KINDS[span.kind] ?? span.kind}${agent ? `, ${agent}` : ''})`);
      walk(span.spanContext().spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines;
}
