import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { BenchPayload } from '../shared/payload';
import { BenchSystem, ECHO_TYPE, ONEWAY_TYPE, ReceiverHooks, SystemContext, SystemReceiver, SystemSender } from './system.interfaces';

/**
 * `raw`: bare ioredis pub/sub carrying the same JSON envelope on the same `agent.{id}` channels —
 * what a hand-written agent would do with no framework at all: the ceiling.
 */
interface Envelope {
  sender_id: string;
  target_id: string;
  message_type: string;
  data: BenchPayload;
  meta: { version: 1; correlation_id: string | null; expects_reply: boolean; is_reply: boolean };
  timestamp: number;
  message_id: string;
}

function ids(runId: string): { receiver: string; sender: string } {
  return { receiver: `bench-${runId}-raw-recv`, sender: `bench-${runId}-raw-send` };
}

function envelope(from: string, to: string, type: string, data: BenchPayload, correlationId: string | null, expectsReply: boolean, isReply: boolean): string {
  const message: Envelope = {
    sender_id: from,
    target_id: to,
    message_type: type,
    data,
    meta: { version: 1, correlation_id: correlationId, expects_reply: expectsReply, is_reply: isReply },
    timestamp: Date.now() / 1000,
    message_id: randomUUID(),
  };
  return JSON.stringify(message);
}

async function connect(url: string): Promise<{ pub: Redis; sub: Redis; close(): Promise<void> }> {
  const pub = new Redis(url);
  const sub = new Redis(url);
  await Promise.all([pub.ping(), sub.ping()]);
  return { pub, sub, close: async () => void (await Promise.all([pub.quit(), sub.quit()])) };
}

export const rawSystem: BenchSystem = {
  async startReceiver(context: SystemContext, hooks: ReceiverHooks): Promise<SystemReceiver> {
    const { receiver } = ids(context.runId);
    const redis = await connect(context.redisUrl);
    redis.sub.on('message', (_channel: string, payload: string) => {
      const message = JSON.parse(payload) as Envelope;
      if (!message.meta.expects_reply) {
        hooks.onEvent();
        return;
      }
      const reply = envelope(receiver, message.sender_id, `${message.message_type}.reply`, message.data, message.meta.correlation_id, false, true);
      redis.pub.publish(`agent.${message.sender_id}`, reply).catch(() => undefined);
    });
    await redis.sub.subscribe(`agent.${receiver}`);
    return { stop: () => redis.close() };
  },

  async startSender(context: SystemContext): Promise<SystemSender> {
    const { receiver, sender } = ids(context.runId);
    const redis = await connect(context.redisUrl);
    const pending = new Map<string, (data: BenchPayload) => void>();
    redis.sub.on('message', (_channel: string, payload: string) => {
      const message = JSON.parse(payload) as Envelope;
      const id = message.meta.correlation_id;
      const resolve = id ? pending.get(id) : undefined;
      if (!resolve) return;
      pending.delete(id!);
      resolve(message.data);
    });
    await redis.sub.subscribe(`agent.${sender}`);
    const channel = `agent.${receiver}`;
    return {
      emit: (data) => redis.pub.publish(channel, envelope(sender, receiver, ONEWAY_TYPE, data, null, false, false)),
      request: (data) =>
        new Promise<BenchPayload>((resolve, reject) => {
          const correlationId = randomUUID();
          pending.set(correlationId, resolve);
          redis.pub.publish(channel, envelope(sender, receiver, ECHO_TYPE, data, correlationId, true, false)).catch(reject);
        }),
      stop: () => redis.close(),
    };
  },
};
