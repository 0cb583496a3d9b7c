import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Path of the OpenAPI UI (`/docs`); the JSON document is at `/docs-json`. */
export const DOCS_PATH = 'docs';

/** What every registry app needs beyond its module: the OpenAPI description at `/docs`. */
export function configureRegistryApp(app: INestApplication): INestApplication {
  const config = new DocumentBuilder()
    .setTitle('MAS registry')
    .setDescription('Agents registered in Redis, their health, and the registry app\'s own health and metrics.')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup(DOCS_PATH, app, () => SwaggerModule.createDocument(app, config));
  return app;
}
