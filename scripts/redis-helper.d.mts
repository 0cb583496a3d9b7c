/** A Redis that answers, and how to stop it when it was started for us. */
export interface EnsuredRedis {
  url: string;
  started: boolean;
  stop(): Promise<void>;
}

/** Resolves true when a Redis answers PING at host:port. */
export function pingRedis(host: string, port: number, timeoutMs?: number): Promise<boolean>;

/** Makes sure a Redis answers at `url` (default REDIS_URL), starting a throw-away one if possible. */
export function ensureRedis(options?: { url?: string; log?: (line: string) => void }): Promise<EnsuredRedis>;
