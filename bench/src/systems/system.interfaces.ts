import type { BenchPayload } from '../shared/payload';

/** Where a system runs and how its names are made unique. */
export interface SystemContext {
  runId: string;
  redisUrl: string;
  requestTimeoutMs: number;
  /**
   * How mas delivers (other systems have only `direct`): `reliable` = inbox streams and
   * `send(..., { reliable: true })`; `gateway` = both agents in gateway mode.
   */
  mode?: 'direct' | 'reliable' | 'gateway';
  /** reliable / gateway: the receiver's inbox `maxInFlight`. */
  inboxMaxInFlight?: number;
  /** gateway in zero-trust mode: the agent's provisioned Redis user and credentials (mas only). */
  identity?: { redisUrl: string; credentials: string };
}

/** What the receiving side does with traffic: one-way messages are counted, requests echoed. */
export interface ReceiverHooks {
  onEvent(): void;
}

/** A running receiver (handlers bound, subscribed). */
export interface SystemReceiver {
  stop(): Promise<void>;
}

/** A running sender, able to reach the receiver. */
export interface SystemSender {
  /** One-way message to the receiver's handler. */
  emit(data: BenchPayload): Promise<unknown>;
  /** Request answered by the receiver's echo handler; resolves with the echoed payload. */
  request(data: BenchPayload): Promise<BenchPayload>;
  stop(): Promise<void>;
}

/** One of the compared systems. */
export interface BenchSystem {
  /** Starts the receiving side; resolves once it is subscribed. */
  startReceiver(context: SystemContext, hooks: ReceiverHooks): Promise<SystemReceiver>;
  /** Starts the sending side; resolves once the receiver is reachable. */
  startSender(context: SystemContext): Promise<SystemSender>;
}

/** Message types / patterns / event names used by every system. */
export const ONEWAY_TYPE = 'bench.oneway';
export const ECHO_TYPE = 'bench.echo';
