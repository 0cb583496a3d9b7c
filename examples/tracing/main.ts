// The SDK first, so that every span of the run is recorded.
import { startTracing, traceTree } from './tracing';
const tracing = startTracing();

import { Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { Agent, AgentHandler, AgentMessage, traceIdOf } from '@mas/core';

/**
 * Tracing across agents: a shop asks a warehouse, which asks billing while it handles the request.
 * Each send is a PRODUCER span, each handler a CONSUMER span parented on its sender's span (the
 * context travels in `meta.traceparent`), so the whole conversation is one trace.
 * Run it with `npm run example:tracing` (`TRACING_EXPORTER=console` prints every span as well).
 */
class Billing extends Agent {
  @AgentHandler('invoice.create')
  create(order: { sku: string; quantity: number }) {
    return { invoice: `INV-${order.sku}-${order.quantity}` };
  }
}

class Warehouse extends Agent {
  @AgentHandler('stock.reserve')
  async reserve(order: { sku: string; quantity: number }, message: AgentMessage) {
    // Sent from inside the handler: a child of this CONSUMER span, in the same trace.
    const invoice = await this.request('tracing-billing', 'invoice.create', order, { timeout: 5_000 });
    this.logger.log(`reserved ${order.quantity} × ${order.sku} (trace ${traceIdOf(message.meta)})`);
    return { reserved: true, ...invoice.data };
  }
}

async function main(): Promise<void> {
  const billing = new Billing('tracing-billing');
  const warehouse = new Warehouse('tracing-warehouse');
  const shop = new Agent('tracing-shop');
  await Promise.all([billing.start(), warehouse.start(), shop.start()]);

  const tracer = trace.getTracer('example');
  const { traceId, reply } = await tracer.startActiveSpan('checkout', async (span) => {
    try {
      const answer = await shop.request('tracing-warehouse', 'stock.reserve', { sku: 'A-1', quantity: 2 }, { timeout: 5_000 });
      return { traceId: span.spanContext().traceId, reply: answer };
    } finally {
      span.end();
    }
  });
  console.log(`reply: ${JSON.stringify(reply.data)}`);

  await Promise.all([shop.stop(), warehouse.stop(), billing.stop()]);
  await tracing.provider.forceFlush();
  const lines = traceTree(tracing.spans(), traceId);
  console.log(`trace ${traceId}: ${lines.length} spans`);
  for (const line of lines) console.log(`  ${line}`);
  await tracing.provider.shutdown();
}

main().catch((error: unknown) => {
  new Logger('tracing').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
