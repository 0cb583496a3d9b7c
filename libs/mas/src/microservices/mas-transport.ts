import { CustomTransportStrategy, RpcException, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { Agent } from '../agent/agent';
import type { AgentOptions } from '../agent/agent-options.interfaces';
import { NoHandlerError } from '../errors';
import type { AgentMessage } from '../protocol';
import { MasContext } from './mas-context';

/** Options of {@link MasTransport}: the agent the microservice runs as. */
export interface MasTransportOptions
  extends Omit<AgentOptions, 'handlers' | 'onMessage' | 'onStart' | 'onStop' | 'connection' | 'register'> {
  /** Agent id the microservice listens as (`agent.{id}`). */
  id: string;
}

/**
 * A Nest microservice transport on the MAS wire: the microservice runs as an agent, and each
 * `@MessagePattern('type')` answers requests of that message type (its return value is the reply;
 * a thrown error becomes an error reply); `@EventPattern('type')` handles one-way messages.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, { strategy: new MasTransport({ id: 'calc' }) });
 * await app.listen();
 * ```
 */
export class MasTransport extends Server implements CustomTransportStrategy {
  private agent?: Agent;

  constructor(private readonly options: MasTransportOptions) {
    super();
  }

  /** Starts the agent; `callback` is called once it listens (or with the error). */
  listen(callback: (error?: unknown) => void): void {
    const { id, ...rest } = this.options;
    this.agent = new Agent(id, { ...rest, onMessage: (message) => this.handle(message) });
    this.agent.start().then(() => callback(), (error: unknown) => callback(error));
  }

  /** Stops the agent (deregisters it). */
  async close(): Promise<void> {
    await this.agent?.stop();
  }

  /** No transport events are exposed. */
  on(): void {
    return undefined;
  }

  /** The underlying {@link Agent}. */
  unwrap<T>(): T {
    return this.agent as T;
  }

  private async handle(message: AgentMessage): Promise<unknown> {
    const handler = this.getHandlerByPattern(message.messageType);
    if (!handler) {
      if (message.expectsReply) throw new NoHandlerError(message.targetId, message.messageType);
      return undefined;
    }
    const context = new MasContext([message]);
    if (handler.isEventHandler) {
      await this.handleEvent(message.messageType, { pattern: message.messageType, data: message.data }, context);
      return undefined;
    }
    const result$ = this.transformToObservable(await handler(message.data, context));
    try {
      return await lastValueFrom(result$, { defaultValue: null });
    } catch (error) {
      // Nest's RPC exception filter turns a thrown RpcException into its error value (a plain
      // object), any other exception into `{ status: 'error', message: 'Internal server error' }`:
      // the first back into an RpcException (the requester receives that value), the second as a
      // plain handler error.
      if (error instanceof Error) throw error;
      if (isUnknownRpcError(error)) throw new Error(error.message);
      throw new RpcException(error as string | object);
    }
  }
}

/** What Nest's RPC exception filter emits for an exception that is not an RpcException. */
function isUnknownRpcError(value: unknown): value is { status: 'error'; message: string } {
  const candidate = value as { status?: unknown; message?: unknown } | null;
  return !!candidate && Object.keys(candidate).length === 2 && candidate.status === 'error' && candidate.message === 'Internal server error';
}
