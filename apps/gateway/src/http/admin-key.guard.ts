import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GatewaySecrets, hashAdminKey } from '../identity/gateway-secrets';

const PUBLIC_ROUTE = 'mas:gateway:public-route';

/** Marks a controller or route that answers without the admin key (only `/health`). */
export const PublicRoute = (): ClassDecorator & MethodDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Global guard of the gateway's HTTP API (every controller, also those other modules add): the
 * header `x-api-key` must hash to the admin key's SHA-256, compared in constant time. Only the
 * header counts (no query parameter, no cookie), so a cross-site form or link cannot carry it.
 * Runs only for HTTP; the ingress pipeline has its own guards.
 */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(
    private readonly secrets: GatewaySecrets,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const expected = this.secrets.adminKeyHash;
    if (!expected) return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['x-api-key'];
    const given = typeof header === 'string' ? header : '';
    if (given && timingSafeEqual(hashAdminKey(given), expected)) return true;
    throw new UnauthorizedException('a valid x-api-key header is required');
  }
}
