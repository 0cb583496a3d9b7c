import type { AgentMessage, MessageData } from '../protocol';

/** One message type of a {@link MessageMap}: its payload and, for a request, its reply. */
export interface MessageSpec {
  payload: object;
  reply?: object;
}

/**
 * Message types an agent speaks, each with its payload and (for requests) its reply, for typed
 * `send`/`request` and handlers: an interface (or type) from message type to {@link MessageSpec},
 * declared without an index signature, so an unknown type is a compile error. Optional: without
 * one every type carries `MessageData`.
 *
 * @example
 * ```ts
 * interface ShopMessages {
 *   'order.place': { payload: { sku: string; quantity: number }; reply: { orderId: string } };
 *   'order.cancelled': { payload: { orderId: string } };
 * }
 * const shop = new Agent<Record<string, unknown>, ShopMessages>('client');
 * const reply = await shop.request('shop', 'order.place', { sku: 'a', quantity: 1 }); // reply.data.orderId: string
 * ```
 */
export type MessageMap<M = Record<string, MessageSpec>> = { [K in keyof M]: MessageSpec };

/** What an agent without a message map may send: any type, any data. */
export type AnyMessages = Record<string, { payload: MessageData; reply: MessageData }>;

/** The payload type of `T` in `M`. */
export type PayloadOf<M, T extends keyof M> = M[T] extends { payload: infer P } ? P : MessageData;

/** The reply data type of `T` in `M` (`MessageData` when it declares none). */
export type ReplyOf<M, T extends keyof M> = M[T] extends { reply: infer R extends object } ? R : MessageData;

/** The signature a handler of `T` in `M` must have. */
export type MessageHandlerOf<M, T extends keyof M> = (
  payload: PayloadOf<M, T>,
  message: AgentMessage,
) => ReplyOf<M, T> | void | Promise<ReplyOf<M, T> | void>;
