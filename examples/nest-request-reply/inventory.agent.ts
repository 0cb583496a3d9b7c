import { UseGuards } from '@nestjs/common';
import { AgentHandler } from '@mas/core';
import { AgentPayload, MasAgent } from '@mas/core/nest';
import { ReserveStockDto, shopValidation, StockReservation } from './shop.dto';
import { TrustedSenderGuard } from './trusted-sender.guard';

/** Holds the stock; only trusted agents may reserve (the guard), with valid payloads (the pipe). */
@MasAgent({ id: 'shop-inventory', capabilities: ['inventory'] })
export class InventoryAgent {
  private readonly stock = new Map<string, number>([
    ['MUG-001', 10],
    ['TEE-042', 2],
  ]);

  @AgentHandler('stock.reserve')
  @UseGuards(TrustedSenderGuard)
  reserve(@AgentPayload(shopValidation) request: ReserveStockDto): StockReservation {
    const available = this.stock.get(request.sku) ?? 0;
    if (available < request.quantity) return { sku: request.sku, reserved: false, left: available };
    this.stock.set(request.sku, available - request.quantity);
    return { sku: request.sku, reserved: true, left: available - request.quantity };
  }
}
