import { DynamicModule, FactoryProvider, Global, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MasConnection, summarizeSettings } from '@mas/core';
import { registryConfig, registrySettingsProvider } from '../config/registry.config';
import { LoadRegistrySettingsOptions, RegistrySettings } from '../config/registry.settings';
import { RegistryStore } from './registry-store';

const connectionProvider: FactoryProvider<MasConnection> = {
  provide: MasConnection,
  inject: [RegistrySettings],
  useFactory: (settings: RegistrySettings) => {
    new Logger('RegistrySettings').log(`Effective settings: ${JSON.stringify(summarizeSettings(settings))}`);
    return new MasConnection({ redisUrl: settings.redis.url, namespace: settings.namespace || undefined, redis: { connectionName: 'mas-registry' } });
  },
};

/**
 * Settings (validated through `ConfigModule`), the Redis connection and the store, shared by every
 * feature module of the registry app. Closes the connection last, on application shutdown.
 */
@Global()
@Module({})
export class RegistryCoreModule implements OnApplicationShutdown {
  constructor(private readonly connection: MasConnection) {}

  /** The core module with settings from `options` (defaults, YAML, environment). */
  static forRoot(options: LoadRegistrySettingsOptions = {}): DynamicModule {
    return {
      module: RegistryCoreModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [registryConfig(options)] })],
      providers: [registrySettingsProvider, connectionProvider, RegistryStore],
      exports: [RegistrySettings, MasConnection, RegistryStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
