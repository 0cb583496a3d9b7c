import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { listeningUrl, summarizeSettings } from '@mas/core';
import { loadGatewaySettings } from './config/load-gateway-settings';
import { GatewayModule } from './gateway.module';
import { configureGatewayApp } from './http/gateway-app.setup';

/** Starts one gateway instance: settings validated first (a bad value stops it with the key named). */
async function main(): Promise<void> {
  const logger = new Logger('Gateway');
  const settings = loadGatewaySettings();
  logger.log(`Settings: ${JSON.stringify(summarizeSettings(settings))}`);
  const module = GatewayModule.forRoot(settings);
  if (!settings.http.enabled) {
    const app = await NestFactory.createApplicationContext(module);
    app.enableShutdownHooks();
    return;
  }
  const app = await NestFactory.create(module);
  configureGatewayApp(app);
  app.enableShutdownHooks();
  await app.listen(settings.http.port, settings.http.host);
  logger.log(`HTTP API on ${listeningUrl(app)} (/audit, /dlq, /metrics, /health, OpenAPI at /docs)`);
}

main().catch((error: unknown) => {
  new Logger('Gateway').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
