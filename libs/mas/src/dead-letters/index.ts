export * from './dead-letter.fields';
export * from './dead-letter.interfaces';
export * from './dead-letter.codec';
export * from './dead-letter-stream';
