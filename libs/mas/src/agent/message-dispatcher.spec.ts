import 'reflect-metadata';
import { IsInt, IsString, Min } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { NoHandlerError } from '../errors';
import { AgentMessage, createMessage, MessageData, WireError } from '../protocol';
import { AgentStats, emptyAgentStats } from './agent-options.interfaces';
import { AgentHandler } from './agent-handler.decorator';
import { buildHandlerTable } from './handler-table';
import { MessageDispatcher, Replier } from './message-dispatcher';

class Order {
  @IsString()
  item!: string;
  @IsInt()
  @Min(1)
  quantity!: number;
}

class Shop {
  readonly orders: unknown[] = [];
  @AgentHandler('order.place', { model: Order })
  place(order: Order) {
    this.orders.push(order);
    return { placed: order.item };
  }
  @AgentHandler('order.count')
  count() {
    return this.orders.length;
  }
  @AgentHandler('order.fail')
  fail() {
    throw new TypeError('out of stock');
  }
}

/** Records what the dispatcher asked of its agent: replies, error replies and fallbacks. */
class RecordingHost implements Replier {
  readonly id = 'shop';
  readonly stats: AgentStats = emptyAgentStats();
  readonly logger = { log() {}, error() {}, warn() {} };
  readonly replies: Array<{ type: string; data: MessageData }> = [];
  readonly errorReplies: WireError[] = [];
  readonly fallbacks: string[] = [];
  fallback(message: AgentMessage): unknown {
    this.fallbacks.push(message.messageType);
    if (message.expectsReply) throw new NoHandlerError(this.id, message.messageType);
    return undefined;
  }
  async replyTo(_message: AgentMessage, type: string, data: MessageData): Promise<void> {
    this.replies.push({ type, data });
  }
  async replyWithError(_message: AgentMessage, error: WireError): Promise<void> {
    this.errorReplies.push(error);
  }
}

function setup() {
  const host = new RecordingHost();
  const shop = new Shop();
  const dispatcher = new MessageDispatcher({
    agentId: host.id,
    stats: host.stats,
    logger: host.logger,
    handlers: buildHandlerTable(shop, 'Shop'),
    fallback: (message) => host.fallback(message),
    replier: host,
  });
  const incoming = (messageType: string, data: MessageData, request = true) => {
    const message = createMessage({ senderId: 'client', targetId: 'shop', messageType, data, correlationId: request ? 'c1' : null, expectsReply: request });
    return message.attach(host);
  };
  return { host, shop, dispatcher, incoming };
}

describe('MessageDispatcher', () => {
  it('converts a valid payload to the model and replies with the return value', async () => {
    const { host, shop, dispatcher, incoming } = setup();

    await expect(dispatcher.dispatch(incoming('order.place', { item: 'tea', quantity: 2 }))).resolves.toEqual({ status: 'handled' });

    expect(shop.orders[0]).toBeInstanceOf(Order);
    expect(host.replies).toEqual([{ type: 'order.place.reply', data: { placed: 'tea' } }]);
    expect(host.stats.handled).toBe(1);
  });

  it('wraps a non-object return value as { result }', async () => {
    const { host, dispatcher, incoming } = setup();
    await dispatcher.dispatch(incoming('order.count', {}));
    expect(host.replies).toEqual([{ type: 'order.count.reply', data: { result: 0 } }]);
  });

  it('answers an invalid payload with a PayloadValidationError reply naming the fields, without calling the handler', async () => {
    const { host, shop, dispatcher, incoming } = setup();

    const outcome = await dispatcher.dispatch(incoming('order.place', { item: 'tea', quantity: 0 }));

    expect(outcome.status).toBe('replied-error');
    expect(shop.orders).toEqual([]);
    expect(host.errorReplies).toHaveLength(1);
    expect(host.errorReplies[0].type).toBe('PayloadValidationError');
    const violations = (host.errorReplies[0].details as { violations: string[] }).violations;
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^quantity: /);
    expect(host.stats.handlerErrors).toBe(1);
  });

  it('answers a throwing handler with the error type and message', async () => {
    const { host, dispatcher, incoming } = setup();

    await dispatcher.dispatch(incoming('order.fail', {}));

    expect(host.errorReplies).toEqual([{ type: 'TypeError', message: 'out of stock' }]);
  });

  it('does not answer a plain message whose handler throws', async () => {
    const { host, dispatcher, incoming } = setup();

    const outcome = await dispatcher.dispatch(incoming('order.fail', {}, false));

    expect(outcome.status).toBe('failed');
    expect(host.errorReplies).toEqual([]);
    expect(host.stats.handlerErrors).toBe(1);
  });

  it('hands unknown types to the fallback', async () => {
    const { host, dispatcher, incoming } = setup();

    await dispatcher.dispatch(incoming('unknown', {}, false));
    await dispatcher.dispatch(incoming('unknown.request', {}));

    expect(host.fallbacks).toEqual(['unknown', 'unknown.request']);
    expect(host.errorReplies).toEqual([{ type: 'NoHandlerError', message: expect.stringContaining('unknown.request') }]);
  });
});
