import { BadRequestException, Controller, ForbiddenException, Get, INestApplication, INestMicroservice, Module, ValidationPipe } from '@nestjs/common';
import { MessagePattern, RpcException } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, Min } from 'class-validator';
import { firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, RemoteHandlerError } from '@mas/core';
import { AgentPayload, AgentRef, MasAgent, MasModule, RemoteHttpError } from '@mas/core/nest';
import { MasClient, MasTransport } from '@mas/core/microservices';
import { QuietLogger, redisUrlFor, uniqueId } from './support/e2e-helpers';

// Errors keep their kind across the wire: an HttpException thrown by a remote handler answers the
// controller awaiting it with the same status and body; a ValidationPipe's messages survive; an
// RpcException thrown behind MasTransport reaches MasClient as an RpcException with the same value.
const redisUrl = redisUrlFor(6);
const SHOP = uniqueId('errors', 'shop');
const FRONT = uniqueId('errors', 'front');
const RPC = uniqueId('errors', 'rpc');
const logger = new QuietLogger();
const debugLines: string[] = [];
Object.assign(logger, { debug: (message: unknown) => debugLines.push(String(message)) });

class OrderDto {
  @IsString() sku!: string;
  @IsInt() @Min(1) quantity!: number;
}

@MasAgent({ id: SHOP })
class ShopAgent {
  @AgentHandler('order.refund')
  refund(): never {
    throw new ForbiddenException('refunds need a manager');
  }

  @AgentHandler('order.place')
  place(@AgentPayload(new ValidationPipe()) order: OrderDto) {
    return { placed: order.sku };
  }
}

@MasAgent({ id: FRONT })
class FrontAgent {
  @AgentRef() readonly agent!: Agent;
}

@Controller('orders')
class OrdersController {
  constructor(private readonly front: FrontAgent) {}

  @Get('refund')
  async refund() {
    return (await this.front.agent.request(SHOP, 'order.refund', {})).data;
  }

  @Get('place-bad')
  async placeBad() {
    return (await this.front.agent.request(SHOP, 'order.place', { sku: 7, quantity: 0 })).data;
  }
}

@Module({ imports: [MasModule.forRoot({ redisUrl, logger, requestTimeoutMs: 5000 })], controllers: [OrdersController], providers: [ShopAgent, FrontAgent] })
class ShopApp {}

@Controller()
class QuotaController {
  @MessagePattern('quota.take')
  take(): never {
    throw new RpcException({ code: 'QUOTA_EXCEEDED', left: 0 });
  }
}

@Module({ controllers: [QuotaController] })
class QuotaModule {}

let app: INestApplication;
let base: string;
let microservice: INestMicroservice;
const client = new MasClient({ redisUrl, defaultTarget: RPC, requestTimeoutMs: 5000, logger });

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({ imports: [ShopApp] }).setLogger(logger).compile();
  app = moduleRef.createNestApplication({ logger });
  await app.listen(0, '127.0.0.1');
  base = await app.getUrl();
  const rpcRef = await Test.createTestingModule({ imports: [QuotaModule] }).setLogger(logger).compile();
  microservice = rpcRef.createNestMicroservice({ strategy: new MasTransport({ id: RPC, redisUrl, logger }), logger });
  await microservice.listen();
});

afterAll(async () => {
  await client.close();
  await microservice?.close();
  await app?.close();
});

describe('errors keep their kind', () => {
  it('a remote ForbiddenException answers the HTTP route with 403 and its body', async () => {
    const response = await fetch(`${base}/orders/refund`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ statusCode: 403, message: 'refunds need a manager', error: 'Forbidden' });
  });

  it('a remote ValidationPipe rejection answers 400 with every message', async () => {
    const response = await fetch(`${base}/orders/place-bad`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string[] };
    expect(body.message).toEqual(expect.arrayContaining(['sku must be a string', 'quantity must not be less than 1']));
  });

  it('outside a Nest app the requester still sees the status and the messages (RemoteHandlerError)', async () => {
    const outsider = new Agent(uniqueId('errors', 'outsider'), { redisUrl, logger, register: false });
    await outsider.start();
    try {
      const error = await outsider.request(SHOP, 'order.place', { sku: 7, quantity: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RemoteHandlerError);
      expect(error).not.toBeInstanceOf(RemoteHttpError);
      expect((error as RemoteHandlerError).status).toBe(400);
      expect((error as Error).message).toMatch(/BadRequestException: Bad Request Exception: .*sku must be a string/);
    } finally {
      await outsider.stop();
    }
  });

  it('in the app, the error is a RemoteHttpError (an HttpException) naming the agent and the remote type', async () => {
    const error = await app.get(FrontAgent).agent.request(SHOP, 'order.refund', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteHttpError);
    expect(error).toBeInstanceOf(RemoteHandlerError); // code catching RemoteHandlerError keeps working
    expect(error).toMatchObject({ targetId: SHOP, remoteType: 'ForbiddenException', status: 403 });
    expect((error as RemoteHttpError).getStatus()).toBe(403);
    expect(new BadRequestException()).not.toBeInstanceOf(RemoteHttpError);
  });

  it('an RpcException thrown behind MasTransport reaches MasClient as an RpcException with the same error', async () => {
    const error = await firstValueFrom(client.send('quota.take', {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcException);
    expect((error as RpcException).getError()).toEqual({ code: 'QUOTA_EXCEEDED', left: 0 });
  });

  it('logs a handler error it meant to throw as one warning line, its stack at debug level only', async () => {
    logger.warnings.length = 0;
    logger.errors.length = 0;
    await fetch(`${base}/orders/refund`);
    const lines = logger.warnings.filter((line) => line.includes('order.refund'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Handling message \S+ "order\.refund" from \S+ failed: ForbiddenException: refunds need a manager$/);
    expect(logger.errors).toEqual([]);
    expect(debugLines.some((line) => line.includes('ForbiddenException: refunds need a manager\n    at '))).toBe(true);
  });
});
