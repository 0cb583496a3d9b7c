export * from './mas.constants';
export * from './mas-options.interfaces';
export { MAS_MODULE_OPTIONS, InjectMasOptions, MAS_OPTIONS_TYPE, MAS_ASYNC_OPTIONS_TYPE } from './mas-module-definition';
export * from './decorators/mas-agent.decorator';
export * from './decorators/agent-ref.decorator';
export * from './decorators/agent-params.decorator';
export * from './mas-agents';
export * from './mas-metadata.accessor';
export * from './mas.module';
