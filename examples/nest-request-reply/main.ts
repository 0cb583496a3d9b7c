import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Agent, RemoteHandlerError } from '@mas/core';
import { MasModule } from '@mas/core/nest';
import { InventoryAgent } from './inventory.agent';
import { ask, OrdersAgent } from './orders.agent';
import type { OrderConfirmation } from './shop.dto';

@Module({
  imports: [MasModule.forRoot({})], // Redis from the settings: REDIS_URL, MAS_REDIS__URL or config/mas.yaml
  providers: [OrdersAgent, InventoryAgent],
})
class ShopModule {}

/** Why a request failed, in one line (a ValidationPipe's messages included). */
function reason(error: unknown): string {
  if (error instanceof RemoteHandlerError) {
    const details = error.details as { message?: unknown } | undefined;
    const messages = Array.isArray(details?.message) ? details.message.join('; ') : error.remoteMessage;
    return `${error.remoteType}: ${messages}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Two provider agents in one Nest app doing typed request/reply, with a ValidationPipe on
 * `@AgentPayload` and a guard; a customer (a standalone, unregistered agent) calls them.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ShopModule, { logger: ['error'] });
  app.enableShutdownHooks();
  const customer = new Agent('shop-customer', { register: false });
  await customer.start();
  const attempts: Array<[string, string, string, object]> = [
    ['a valid order', 'shop-orders', 'order.place', { customer: 'ada', sku: 'MUG-001', quantity: 2 }],
    ['more than in stock', 'shop-orders', 'order.place', { customer: 'bob', sku: 'TEE-042', quantity: 5 }],
    ['an invalid order', 'shop-orders', 'order.place', { customer: 'eve', sku: 'mug', quantity: 0 }],
    ['reserving directly', 'shop-inventory', 'stock.reserve', { sku: 'MUG-001', quantity: 1 }],
  ];
  console.log('\nMAS example: typed request/reply between two Nest provider agents\n');
  try {
    for (const [label, target, type, payload] of attempts) {
      console.log(`  customer → ${target}: ${type} ${JSON.stringify(payload)}  (${label})`);
      try {
        const reply = await ask<OrderConfirmation>(customer, target, type, payload);
        console.log(`  ${target} → customer: ${JSON.stringify(reply)}`);
      } catch (error) {
        console.log(`  ${target} → customer: rejected, ${reason(error)}`);
      }
    }
  } finally {
    await customer.stop();
    await app.close();
  }
  console.log('');
}

main().catch((error: unknown) => {
  new Logger('nest-request-reply').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
