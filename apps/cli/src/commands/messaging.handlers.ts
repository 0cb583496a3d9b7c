import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Agent, UnknownTargetError } from '@mas/core';
import type { CliContext } from '../cli-context';
import { NotFoundError } from '../cli.errors';
import { parseJsonObject } from '../cli.parsers';
import { formatDuration } from '../output/table';

interface MessagingOptions {
  from?: string;
  reliable?: boolean;
  timeout?: number;
}

/** A throw-away sender id: `mas-cli-<host>-<pid>-<random>`. */
function cliAgentId(): string {
  const host = hostname().replace(/[^A-Za-z0-9_-]/g, '').slice(0, 20) || 'host';
  return `mas-cli-${host}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Runs `use` with a started, unregistered agent (a pure client) on the CLI's connection. */
async function withClient<T>(context: CliContext, options: MessagingOptions, use: (agent: Agent) => Promise<T>): Promise<T> {
  const connection = await context.redis();
  const agent = new Agent(options.from ?? cliAgentId(), {
    register: false,
    connection,
    requestTimeoutMs: context.settings.requestTimeoutMs,
    maxMessageBytes: context.settings.maxMessageBytes,
  });
  await agent.start();
  try {
    return await use(agent);
  } finally {
    await agent.stop();
  }
}

/** `mas send`: publishes (or queues with --reliable); exit 3 when nobody is subscribed. */
export async function send(context: CliContext, target: string, type: string, json: string | undefined, options: MessagingOptions): Promise<void> {
  const data = parseJsonObject(json);
  const receivers = await withClient(context, options, (agent) => agent.send(target, type, data, { reliable: options.reliable }));
  const result = { target, type, receivers, delivery: options.reliable ? 'reliable' : 'direct' };
  if (receivers === 0) {
    throw new NotFoundError(
      `nobody is subscribed to "${target}": the message was dropped (use --reliable to queue it in its inbox stream)`,
      result,
    );
  }
  context.output.result(result, () =>
    options.reliable ? `queued "${type}" in the inbox of ${target}` : `sent "${type}" to ${target} (${receivers} subscriber(s))`,
  );
}

/** `mas request`: sends a request and prints the reply's data (the whole envelope with --json). */
export async function request(context: CliContext, target: string, type: string, json: string | undefined, options: MessagingOptions): Promise<void> {
  const data = parseJsonObject(json);
  const startedAt = Date.now();
  const reply = await withClient(context, options, (agent) =>
    agent.request(target, type, data, { timeout: options.timeout ?? context.settings.requestTimeoutMs, reliable: options.reliable }),
  ).catch((error: unknown) => {
    if (error instanceof UnknownTargetError) throw new NotFoundError(`nobody is subscribed to "${target}"`);
    throw error;
  });
  const elapsedMs = Date.now() - startedAt;
  context.output.result({ ...reply.toWire(), elapsed_ms: elapsedMs }, () => {
    context.output.note(`reply "${reply.messageType}" from ${reply.senderId} in ${formatDuration(elapsedMs)}`);
    return JSON.stringify(reply.data, null, 2);
  });
}
