import type { ChainableCommander } from 'ioredis';

/**
 * Runs a pipeline or MULTI and returns its replies in order.
 * @throws the first command's error (ioredis reports them per command, not as a rejection)
 */
export async function execAll(batch: ChainableCommander): Promise<unknown[]> {
  const results = (await batch.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed) throw failed[0];
  return results.map(([, value]) => value);
}
