import type { AddressInfo } from 'node:net';

/** What {@link listeningUrl} needs of a Nest application: its HTTP server. */
export interface HasHttpServer {
  getHttpServer(): { address(): AddressInfo | string | null };
}

/**
 * The URL an HTTP app really listens on, from its server's bound address (Nest's `getUrl()` prints
 * `[::1]` for a loopback IPv4 server). IPv6 addresses are bracketed.
 */
export function listeningUrl(app: HasHttpServer): string {
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') return String(address ?? '');
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
