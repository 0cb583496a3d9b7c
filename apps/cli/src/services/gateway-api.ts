import { HttpApi } from './http-api';

export type { Download, QueryParams } from './http-api';

/**
 * Client of the gateway's HTTP API (`GET /audit`, `/audit/verify`, `/audit/export`,
 * `POST /dlq/:id/replay`, `POST /dlq/replay`), with the gateway's `x-api-key` when one is configured.
 */
export class GatewayApi extends HttpApi {
  constructor(baseUrl: string, apiKey?: string, timeoutMs?: number) {
    super({ name: 'the gateway', code: 'GATEWAY', urlHint: '--gateway-url or MAS_GATEWAY_URL', keyHint: '--api-key or MAS_GATEWAY_API_KEY' }, baseUrl, apiKey, timeoutMs);
  }
}
