import { ConfigService, registerAs } from '@nestjs/config';
import type { FactoryProvider } from '@nestjs/common';
import { LoadRegistrySettingsOptions, loadRegistrySettings, RegistrySettings } from './registry.settings';

/** Namespace of the registry settings in `ConfigService`. */
export const REGISTRY_CONFIG_NAMESPACE = 'registry';

/**
 * A `ConfigModule` loader for the registry settings. Loading validates them: a bad value makes
 * the application fail to start with a `ConfigValidationError` naming the key.
 */
export function registryConfig(options: LoadRegistrySettingsOptions = {}) {
  return registerAs(REGISTRY_CONFIG_NAMESPACE, () => loadRegistrySettings(options));
}

/** Makes the validated {@link RegistrySettings} injectable by class. */
export const registrySettingsProvider: FactoryProvider<RegistrySettings> = {
  provide: RegistrySettings,
  inject: [ConfigService],
  useFactory: (config: ConfigService) => config.getOrThrow<RegistrySettings>(REGISTRY_CONFIG_NAMESPACE),
};
