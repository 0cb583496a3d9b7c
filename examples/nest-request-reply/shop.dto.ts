import { ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** What `shop-orders` accepts as `order.place` (validated by a ValidationPipe on @AgentPayload). */
export class PlaceOrderDto {
  @IsString()
  customer!: string;

  @Matches(/^[A-Z]{3}-\d{3}$/, { message: 'sku must look like ABC-123' })
  sku!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  quantity!: number;
}

/** What `shop-inventory` accepts as `stock.reserve`. */
export class ReserveStockDto {
  @Matches(/^[A-Z]{3}-\d{3}$/)
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

/** Reply of `stock.reserve`. */
export interface StockReservation {
  sku: string;
  reserved: boolean;
  /** Units left after this reservation (or available, when not reserved). */
  left: number;
}

/** Reply of `order.place`. */
export interface OrderConfirmation {
  orderId: string;
  customer: string;
  sku: string;
  quantity: number;
  status: 'confirmed' | 'out-of-stock';
}

/**
 * The pipe both agents put on `@AgentPayload`: converts the payload to its DTO class and rejects it
 * (BadRequestException → an error reply) when invalid. `@AgentPayload` reaches pipes as the `body`,
 * so ValidationPipe treats it like a request body.
 */
export const shopValidation = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
});
