import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Path of the gateway's OpenAPI UI (`/docs`; the JSON document at `/docs-json`). */
export const GATEWAY_DOCS_PATH = 'docs';

/**
 * What every gateway HTTP app needs beyond its module: the OpenAPI description at `/docs`, naming
 * the `x-api-key` header every route but `/health` requires. (No CORS: browsers on other origins
 * cannot call the API, and the key is taken from the header only.)
 */
export function configureGatewayApp(app: INestApplication): INestApplication {
  const config = new DocumentBuilder()
    .setTitle('MAS gateway')
    .setDescription('Audit trail (query, verify, export), dead letters (list, replay), /metrics and /health of the MAS gateway.')
    .setVersion('0.1.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'x-api-key')
    .addSecurityRequirements('x-api-key')
    .build();
  SwaggerModule.setup(GATEWAY_DOCS_PATH, app, () => SwaggerModule.createDocument(app, config));
  return app;
}
