import type { AgentMessage, MessageData } from '../protocol';

/**
 * Message types an agent speaks, each with its payload and (for requests) its reply, for typed
 * `send`/`request` and handlers. Optional: without one every type carries `MessageData`.
 *
 * @example
 * ```ts
 * interface ShopMessages extends MessageMap {
 *   'order.place': { payload: { sku: string; quantity: number }; reply: { orderId: string } };
 *   'order.cancelled': { payload: { orderId: string } };
 * }
 * const shop = new Agent<Record<string, unknown>, ShopMessages>('client');
 * const reply = await shop.request('shop', 'order.place', { sku: 'a', quantity: 1 }); // reply.data.orderId: string
 * ```
 */
export interface MessageMap {
  [messageType: string]: { payload: object; reply?: object };
}

/** What an agent without a message map may send: any type, any data. */
export interface AnyMessages extends MessageMap {
  [messageType: string]: { payload: MessageData; reply: MessageData };
}

/** The payload type of `T` in `M`. */
export type PayloadOf<M extends MessageMap, T extends keyof M> = M[T] extends { payload: infer P } ? P : MessageData;

/** The reply data type of `T` in `M` (`MessageData` when it declares none). */
export type ReplyOf<M extends MessageMap, T extends keyof M> = M[T] extends { reply: infer R extends object } ? R : MessageData;

/** The signature a handler of `T` in `M` must have. */
export type MessageHandlerOf<M extends MessageMap, T extends keyof M> = (
  payload: PayloadOf<M, T>,
  message: AgentMessage,
) => ReplyOf<M, T> | void | Promise<ReplyOf<M, T> | void>;
