import { Context, ServiceBroker } from 'moleculer';
import type { BenchPayload } from '../shared/payload';
import { BenchSystem, ECHO_TYPE, ONEWAY_TYPE, ReceiverHooks, SystemContext, SystemReceiver, SystemSender } from './system.interfaces';

/** Service `bench` with action `echo`: called as `bench.echo` (= ECHO_TYPE). */
const SERVICE = 'bench';

function broker(context: SystemContext, nodeID: string): ServiceBroker {
  return new ServiceBroker({
    namespace: `bench-${context.runId}`,
    nodeID,
    transporter: context.redisUrl,
    logger: false,
    requestTimeout: context.requestTimeoutMs,
  });
}

/** `moleculer`: moleculer 0.14 with its Redis transporter (`emit` / `call`). */
export const moleculerSystem: BenchSystem = {
  async startReceiver(context: SystemContext, hooks: ReceiverHooks): Promise<SystemReceiver> {
    const receiver = broker(context, 'recv');
    receiver.createService({
      name: SERVICE,
      actions: {
        echo: (ctx: Context<BenchPayload>) => ctx.params,
      },
      events: {
        [ONEWAY_TYPE]: (_ctx: Context<BenchPayload>) => hooks.onEvent(),
      },
    });
    await receiver.start();
    return { stop: () => receiver.stop() };
  },

  async startSender(context: SystemContext): Promise<SystemSender> {
    const sender = broker(context, 'send');
    await sender.start();
    await sender.waitForServices([SERVICE], 10_000);
    return {
      emit: (data) => sender.emit(ONEWAY_TYPE, data),
      request: (data) => sender.call<BenchPayload, BenchPayload>(ECHO_TYPE, data),
      stop: () => sender.stop(),
    };
  },
};
