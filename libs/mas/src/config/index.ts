export * from './config.errors';
export * from './settings-loader';
export * from './mas.settings';
export * from './layered-options';
