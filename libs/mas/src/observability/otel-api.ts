import type * as OtelApi from '@opentelemetry/api';

/**
 * `@opentelemetry/api`, when the application installed it (an optional peer dependency: MAS bundles
 * no SDK). Loaded once, lazily; undefined when it is missing, and then MAS records no spans.
 */
let loaded: typeof OtelApi | null | undefined;

/** The OpenTelemetry API, or undefined when it is not installed. */
export function otelApi(): typeof OtelApi | undefined {
  if (loaded === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require('@opentelemetry/api') as typeof OtelApi;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

/** Where `@opentelemetry/api` 1.x registers its globals (`trace` once a tracer provider is set). */
const OTEL_GLOBAL = Symbol.for('opentelemetry.js.api.1');

/** The delegate of a tracer provider that nobody registered (the API's no-op singleton), once known. */
let noopDelegate: unknown;

/**
 * True when an application registered a tracer provider (an OpenTelemetry SDK) with the global API.
 * Without one, MAS starts no span and writes no trace context: the check is a property read.
 */
export function tracingEnabled(api: typeof OtelApi | undefined = otelApi()): api is typeof OtelApi {
  if (!api) return false;
  // Fast path: nothing registered a tracer provider with the global API (API 1.x keeps its registrations there).
  if (!(globalThis as Record<symbol, { trace?: unknown } | undefined>)[OTEL_GLOBAL]?.trace) return false;
  const provider = api.trace.getTracerProvider() as Partial<OtelApi.ProxyTracerProvider>;
  if (typeof provider.getDelegate !== 'function') return true; // a provider set without the proxy
  noopDelegate ??= new api.ProxyTracerProvider().getDelegate();
  return provider.getDelegate() !== noopDelegate;
}
