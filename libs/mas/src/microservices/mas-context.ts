import { BaseRpcContext } from '@nestjs/microservices';
import type { AgentMessage } from '../protocol';

/** Context of a `@MessagePattern` handler served by {@link MasTransport}: gives the whole message. */
export class MasContext extends BaseRpcContext<[AgentMessage]> {
  /** The received message (sender, ids, meta). */
  getMessage(): AgentMessage {
    return this.args[0];
  }
}
