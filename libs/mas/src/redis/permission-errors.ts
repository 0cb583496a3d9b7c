import type Redis from 'ioredis';
import { RedisPermissionError } from '../errors/provisioning.errors';
import { errorMessageOf } from './redis-errors';

/** The reply texts of an ACL refusal: NOPERM itself, and the way a script reports one. */
const PERMISSION_REPLY = /NOPERM|no permissions to|can't access at least one of the keys/i;

/** True when `error` is Redis refusing a command, key or channel to the connection's ACL user. */
export function isPermissionReply(error: unknown): boolean {
  return PERMISSION_REPLY.test(errorMessageOf(error));
}

/** Subscriptions ioredis renews by itself after a reconnect. */
const RESUBSCRIBE = new Set(['subscribe', 'psubscribe', 'ssubscribe']);

/** Commands that name no key. */
const KEYLESS = new Set(['ping', 'info', 'acl', 'config', 'client', 'flushall', 'flushdb', 'keys', 'script', 'function', 'debug', 'monitor', 'select', 'scan', 'multi', 'exec']);

/** The key (or channel) a command names first, for the error message. */
export function firstKeyOf(command: string, args: ReadonlyArray<unknown>): string | undefined {
  const name = command.toLowerCase();
  const text = args.map((arg) => (Buffer.isBuffer(arg) ? arg.toString() : String(arg)));
  if (['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall', 'fcall_ro'].includes(name)) return Number(text[1]) > 0 ? text[2] : undefined;
  if (name === 'xreadgroup' || name === 'xread') {
    const streams = text.findIndex((arg) => arg.toUpperCase() === 'STREAMS');
    return streams >= 0 ? text[streams + 1] : undefined;
  }
  if (KEYLESS.has(name)) return undefined;
  return text[0];
}

/** Turns a NOPERM reply to `command` into a {@link RedisPermissionError}; anything else as it is. */
export function toPermissionError(error: unknown, command: { name: string; args: ReadonlyArray<unknown> }): unknown {
  if (!isPermissionReply(error) || error instanceof RedisPermissionError) return error;
  const name = command.name.toLowerCase();
  const text = command.args.map((arg) => String(arg));
  const refused = ['client', 'acl', 'config', 'script', 'xgroup', 'xinfo', 'pubsub', 'object', 'memory'].includes(name) && text[0]
    ? `${name} ${text[0].toLowerCase()}`
    : name;
  const key = refused === name ? firstKeyOf(name, command.args) : text[1];
  return new RedisPermissionError(refused, key, errorMessageOf(error));
}

/**
 * Makes every command of `client` that Redis refuses with NOPERM reject with a typed
 * {@link RedisPermissionError} naming the command and its key, instead of ioredis's `ReplyError`.
 * Other errors pass unchanged. Idempotent.
 */
export function translatePermissionErrors(client: Redis): Redis {
  const marked = client as Redis & { __masPermissionErrors?: true };
  if (marked.__masPermissionErrors) return client;
  marked.__masPermissionErrors = true;
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command: Parameters<Redis['sendCommand']>[0], ...rest: unknown[]) => {
    const target = command as unknown as { name: string; args: unknown[]; reject?: (error: unknown) => void };
    const reject = target.reject;
    if (reject) target.reject = (error: unknown) => reject(toPermissionError(error, target));
    // ioredis re-subscribes on reconnect without handling the promise; when the user was deleted or
    // its password rotated, the refused AUTH fails it: an unhandled rejection nobody can catch.
    if (RESUBSCRIBE.has(target.name)) (command as unknown as { promise: Promise<unknown> }).promise.catch(() => undefined);
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as Redis['sendCommand'];
  return client;
}
