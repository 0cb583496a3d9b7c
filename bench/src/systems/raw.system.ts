import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { BenchPayload } from '../shared/payload';
import { BenchSystem, ECHO_TYPE, ONEWAY_TYPE, ReceiverHooks, SystemContext, SystemReceiver, SystemSender } from './system.interfaces';

/**
 * `raw` and `raw-pipelined`: bare ioredis carrying the same JSON envelope on the same `agent.{id}`
 * channels — what a hand-written agent would do with no framework at all: the ceiling. `raw` makes
 * one socket write per command (ioredis's default); `raw-pipelined` corks the connection for the
 * rest of the event-loop turn, so all writes of one turn go out in one socket write (as mas's
 * outbox does): the honest ceiling. In reliable mode (`reliable-*` scenarios) a message is one XADD
 * to the receiver's stream, read with XREADGROUP (256 at a time) and acked with XACK per message;
 * replies still come over pub/sub (as mas's reliable requests do).
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

const GROUP = 'bench';
const READ_COUNT = 256;

function ids(runId: string): { receiver: string; sender: string; stream: string } {
  return { receiver: `bench-${runId}-raw-recv`, sender: `bench-${runId}-raw-send`, stream: `bench:${runId}:raw-inbox` };
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

interface Connections {
  pub: Redis;
  sub: Redis;
  /** Called before each write: `raw-pipelined` corks `pub` until the end of the turn. */
  beforeWrite(): void;
  close(): Promise<void>;
}

async function connect(url: string, pipelined: boolean): Promise<Connections> {
  const pub = new Redis(url);
  const sub = new Redis(url);
  await Promise.all([pub.ping(), sub.ping()]);
  let corked = false;
  const beforeWrite = pipelined
    ? () => {
        if (corked) return;
        corked = true;
        pub.stream.cork();
        process.nextTick(() => {
          corked = false;
          pub.stream.uncork();
        });
      }
    : () => undefined;
  return { pub, sub, beforeWrite, close: async () => void (await Promise.all([pub.quit(), sub.quit()])) };
}

function rawVariant(pipelined: boolean): BenchSystem {
  return {
    async startReceiver(context: SystemContext, hooks: ReceiverHooks): Promise<SystemReceiver> {
      const { receiver, stream } = ids(context.runId);
      const redis = await connect(context.redisUrl, pipelined);
      const handle = (payload: string): void => {
        const message = JSON.parse(payload) as Envelope;
        if (!message.meta.expects_reply) {
          hooks.onEvent();
          return;
        }
        const reply = envelope(receiver, message.sender_id, `${message.message_type}.reply`, message.data, message.meta.correlation_id, false, true);
        redis.beforeWrite();
        redis.pub.publish(`agent.${message.sender_id}`, reply).catch(() => undefined);
      };
      if (context.mode !== 'reliable') {
        redis.sub.on('message', (_channel: string, payload: string) => handle(payload));
        await redis.sub.subscribe(`agent.${receiver}`);
        return { stop: () => redis.close() };
      }
      await redis.pub.xgroup('CREATE', stream, GROUP, '$', 'MKSTREAM');
      let running = true;
      const loop = (async () => {
        while (running) {
          const result = (await redis.sub
            .xreadgroup('GROUP', GROUP, 'raw', 'COUNT', READ_COUNT, 'BLOCK', 200, 'STREAMS', stream, '>')
            .catch(() => null)) as Array<[string, Array<[string, string[]]>]> | null;
          for (const [id, fields] of result?.[0][1] ?? []) {
            handle(fields[1]);
            redis.beforeWrite();
            redis.pub.xack(stream, GROUP, id).catch(() => undefined);
          }
        }
      })();
      return {
        stop: async () => {
          running = false;
          await loop;
          await redis.pub.del(stream);
          await redis.close();
        },
      };
    },

    async startSender(context: SystemContext): Promise<SystemSender> {
      const { receiver, sender, stream } = ids(context.runId);
      const redis = await connect(context.redisUrl, pipelined);
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
      const put =
        context.mode === 'reliable'
          ? (payload: string) => (redis.beforeWrite(), redis.pub.xadd(stream, '*', 'envelope', payload))
          : (payload: string) => (redis.beforeWrite(), redis.pub.publish(channel, payload));
      return {
        emit: (data) => put(envelope(sender, receiver, ONEWAY_TYPE, data, null, false, false)),
        request: (data) =>
          new Promise<BenchPayload>((resolve, reject) => {
            const correlationId = randomUUID();
            pending.set(correlationId, resolve);
            put(envelope(sender, receiver, ECHO_TYPE, data, correlationId, true, false)).catch(reject);
          }),
        stop: () => redis.close(),
      };
    },
  };
}

/** `raw`: one socket write per command. */
export const rawSystem: BenchSystem = rawVariant(false);

/** `raw-pipelined`: the writes of one event-loop turn in one socket write. */
export const rawPipelinedSystem: BenchSystem = rawVariant(true);
