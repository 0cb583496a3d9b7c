export * from './gateway.constants';
export * from './canonical-envelope';
export * from './envelope-signer';
export * from './entry-signature';
export * from './gateway-client';
export * from './audit-view';
export * from './gateway-signature';
export * from './gateway-trust';
