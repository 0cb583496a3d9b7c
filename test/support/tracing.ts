import { trace, context, propagation, SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * An OpenTelemetry SDK registered for one spec file (its own worker process): every span ends up
 * in an in-memory exporter the spec reads. `uninstall()` unregisters it again.
 */
export class TestTracing {
  readonly exporter = new InMemorySpanExporter();
  private readonly provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(this.exporter)] });

  install(): this {
    this.provider.register();
    return this;
  }

  async uninstall(): Promise<void> {
    await this.provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  }

  /** Finished spans so far. */
  spans(): ReadableSpan[] {
    return this.exporter.getFinishedSpans();
  }

  /** Finished spans of one trace. */
  inTrace(traceId: string): ReadableSpan[] {
    return this.spans().filter((span) => span.spanContext().traceId === traceId);
  }

  /** The finished span named `name` (of `kind`) for which `where` holds; undefined until it ended. */
  find(name: string, where: (span: ReadableSpan) => boolean = () => true, kind?: SpanKind): ReadableSpan | undefined {
    return this.spans().find((span) => span.name === name && (kind === undefined || span.kind === kind) && where(span));
  }
}

/** The id of a span's parent (SDK 2: `parentSpanContext`). */
export function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}
