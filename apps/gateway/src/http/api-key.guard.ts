import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';

/** Requires the `x-api-key` header to equal `http.apiKey` when one is configured (audit and DLQ routes). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@InjectGatewaySettings() private readonly settings: GatewaySettings) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.settings.http.apiKey;
    if (!expected) return true;
    const given = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['x-api-key'] ?? '';
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    if (a.length === b.length && timingSafeEqual(a, b)) return true;
    throw new UnauthorizedException('a valid x-api-key header is required');
  }
}
