/**
 * `BENCH_OTEL=noop`: registers an OpenTelemetry SDK (NodeTracerProvider, a BatchSpanProcessor and an
 * exporter that drops everything) before the worker loads its system, so the figures show what
 * tracing costs with an SDK and no export. Unset (the default): no SDK, as in most deployments.
 */
if (process.env.BENCH_OTEL === 'noop') {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const exporter = { export: (_spans: unknown, done: (result: { code: number }) => void) => done({ code: 0 }), shutdown: async () => undefined };
  new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] }).register();
}
