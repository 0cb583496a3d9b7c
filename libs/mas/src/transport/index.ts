export * from './inbox-options.interfaces';
export * from './inbox-consumer';
export * from './inbox.scripts';
export * from './outbound';
export * from './stream-group-reader';
