import { randomUUID } from 'node:crypto';
import { ClientProxy, ReadPacket, RpcException, WritePacket } from '@nestjs/microservices';
import { Agent } from '../agent/agent';
import type { AgentOptions } from '../agent/agent-options.interfaces';
import { InvalidMessagePatternError, RemoteHandlerError } from '../errors';
import { toNestRequestError } from '../nest/errors/remote-http.error';

/** Options of {@link MasClient}. */
export interface MasClientOptions
  extends Pick<
    AgentOptions,
    'redisUrl' | 'redis' | 'connectTimeoutMs' | 'requestTimeoutMs' | 'maxMessageBytes' | 'logger' | 'connection' | 'namespace' | 'keyStyle'
  > {
  /** Id the client receives replies as (default `mas-client-<random>`); it is not registered. */
  id?: string;
  /** Target agent used when a pattern names only the message type. */
  defaultTarget?: string;
}

/** A pattern addressing one agent and message type. */
export interface MasPattern {
  target: string;
  type: string;
}

/**
 * A Nest `ClientProxy` on the MAS wire: `send(pattern, data)` requests (Observable of the reply's
 * data), `emit(pattern, data)` sends one-way. A pattern is `{ target, type }`, or just the type when
 * `defaultTarget` is set. Reaches `@AgentHandler`s, `MasTransport` handlers and Python agents alike.
 *
 * @example
 * ```ts
 * const client = new MasClient({ defaultTarget: 'worker' });
 * const reply = await firstValueFrom(client.send('task.process', { id: 1 }));
 * ```
 */
export class MasClient extends ClientProxy {
  private agent?: Agent;
  private connecting?: Promise<Agent>;

  constructor(private readonly options: MasClientOptions = {}) {
    super();
  }

  /** Starts the client's (unregistered) agent; called by `send`/`emit` on first use. */
  async connect(): Promise<Agent> {
    if (this.agent?.isRunning) return this.agent;
    this.connecting ??= (async () => {
      const { id, defaultTarget: _target, ...rest } = this.options;
      const agent = new Agent(id ?? `mas-client-${randomUUID().slice(0, 12)}`, { ...rest, register: false });
      await agent.start();
      this.agent = agent;
      return agent;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** Stops the client's agent. */
  async close(): Promise<void> {
    await this.agent?.stop();
    this.agent = undefined;
  }

  /** The underlying {@link Agent}. */
  unwrap<T>(): T {
    return this.agent as T;
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    let route: MasPattern;
    try {
      route = this.route(packet.pattern);
    } catch (err) {
      callback({ err, isDisposed: true });
      return () => undefined;
    }
    this.connect()
      .then((agent) => agent.request(route.target, route.type, toData(packet.data)))
      .then(
        (reply) => callback({ response: reply.data, isDisposed: true }),
        (err: unknown) => callback({ err: toClientError(err), isDisposed: true }),
      );
    return () => undefined;
  }

  protected async dispatchEvent<T = number>(packet: ReadPacket): Promise<T> {
    const route = this.route(packet.pattern);
    const agent = await this.connect();
    return (await agent.send(route.target, route.type, toData(packet.data))) as T;
  }

  private route(pattern: unknown): MasPattern {
    let value = pattern;
    if (typeof value === 'string' && value.startsWith('{')) {
      try {
        value = JSON.parse(value);
      } catch {
        // a plain message type that happens to start with '{'
      }
    }
    if (typeof value === 'string' && this.options.defaultTarget) return { target: this.options.defaultTarget, type: value };
    const candidate = value as Partial<MasPattern> | null;
    if (candidate && typeof candidate.target === 'string' && typeof candidate.type === 'string') {
      return { target: candidate.target, type: candidate.type };
    }
    throw new InvalidMessagePatternError(pattern);
  }
}

/**
 * What `send()` errors with: an `RpcException` a `MasTransport` handler threw arrives as an
 * `RpcException` with the same error value, an `HttpException` as `RemoteHttpError` (same status).
 */
function toClientError(error: unknown): unknown {
  if (error instanceof RemoteHandlerError && error.remoteType === RpcException.name) {
    return new RpcException((error.details ?? error.remoteMessage) as string | object);
  }
  return toNestRequestError(error);
}

function toData(data: unknown): Record<string, unknown> {
  if (data && typeof data === 'object' && !Array.isArray(data)) return data as Record<string, unknown>;
  return data === undefined ? {} : { value: data };
}
