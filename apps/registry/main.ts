import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigValidationError, listeningUrl } from '@mas/core';
import { RegistrySettings } from './src/config/registry.settings';
import { configureRegistryApp, DOCS_PATH } from './src/registry-app.setup';
import { RegistryModule } from './src/registry.module';

const logger = new Logger('RegistryApp');
/** Per-sweep debug lines stay out of production logs. */
const LOG_LEVELS: LogLevel[] = ['log', 'warn', 'error', 'fatal'];

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(RegistryModule.forRoot(), {
    abortOnError: false,
    logger: LOG_LEVELS,
  });
  configureRegistryApp(app);
  app.enableShutdownHooks();
  const { host, port } = app.get(RegistrySettings).http;
  await app.listen(port, host);
  logger.log(`Registry HTTP API on ${listeningUrl(app)} (OpenAPI at /${DOCS_PATH})`);
}

bootstrap().catch((error: unknown) => {
  logger.error(error instanceof ConfigValidationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
