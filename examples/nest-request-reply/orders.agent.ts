import { randomUUID } from 'node:crypto';
import { Agent, AgentHandler } from '@mas/core';
import { AgentPayload, AgentRef, MasAgent } from '@mas/core/nest';
import { OrderConfirmation, PlaceOrderDto, ReserveStockDto, shopValidation, StockReservation } from './shop.dto';

/** Sends a typed request and returns the reply's data with its type. */
export async function ask<TReply>(agent: Agent, target: string, type: string, payload: object, timeout = 5_000): Promise<TReply> {
  const reply = await agent.request(target, type, { ...payload }, { timeout });
  return reply.data as TReply;
}

/** Takes orders: validates them (ValidationPipe), reserves stock from `shop-inventory`, confirms. */
@MasAgent({ id: 'shop-orders', capabilities: ['orders'] })
export class OrdersAgent {
  @AgentRef() private readonly agent!: Agent;

  @AgentHandler('order.place')
  async place(@AgentPayload(shopValidation) order: PlaceOrderDto): Promise<OrderConfirmation> {
    const reserve: ReserveStockDto = { sku: order.sku, quantity: order.quantity };
    const stock = await ask<StockReservation>(this.agent, 'shop-inventory', 'stock.reserve', reserve);
    return {
      orderId: randomUUID().slice(0, 8),
      customer: order.customer,
      sku: order.sku,
      quantity: order.quantity,
      status: stock.reserved ? 'confirmed' : 'out-of-stock',
    };
  }
}
