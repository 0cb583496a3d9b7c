/** host / port / db of a `redis://host:port/db` URL, for clients configured by options. */
export function redisOptionsFromUrl(url: string): { host: string; port: number; db: number } {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, '') || 0);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 6379), db };
}
