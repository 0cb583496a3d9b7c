import { ConfigurableModuleBuilder, Inject } from '@nestjs/common';
import type { GatewaySettings } from './config/gateway.settings';

/**
 * `GatewayModule.forRoot(settings)` / `forRootAsync({ useFactory })`, built the Nest way; the
 * options are the validated {@link GatewaySettings}.
 */
export const {
  ConfigurableModuleClass: GatewayConfigurableModule,
  MODULE_OPTIONS_TOKEN: GATEWAY_SETTINGS,
} = new ConfigurableModuleBuilder<GatewaySettings>().setClassMethodName('forRoot').build();

/** Injects the gateway's {@link GatewaySettings}. */
export const InjectGatewaySettings = (): ParameterDecorator => Inject(GATEWAY_SETTINGS);
