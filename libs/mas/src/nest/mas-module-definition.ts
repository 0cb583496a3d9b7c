import { ConfigurableModuleBuilder, Inject } from '@nestjs/common';
import type { MasModuleOptions } from './mas-options.interfaces';

export const {
  ConfigurableModuleClass: MasConfigurableModule,
  MODULE_OPTIONS_TOKEN: MAS_MODULE_OPTIONS,
  OPTIONS_TYPE: MAS_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: MAS_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<MasModuleOptions>({ moduleName: 'Mas' })
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();

/** Injects the options given to `MasModule.forRoot(Async)`. */
export const InjectMasOptions = (): ParameterDecorator => Inject(MAS_MODULE_OPTIONS);
