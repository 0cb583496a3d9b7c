import type { ExecutionContext } from '@nestjs/common';
import type { AgentMessage } from '../protocol';
import { MAS_CONTEXT_TYPE } from './mas.constants';

/**
 * True when a guard or interceptor runs for an `@AgentHandler` (`context.getType()` is `'mas'`),
 * not for an HTTP route or an RPC pattern: global `APP_GUARD`s run on agent handlers too.
 *
 * @example
 * ```ts
 * @Injectable()
 * export class ApiKeyGuard implements CanActivate {
 *   canActivate(context: ExecutionContext): boolean {
 *     if (isAgentContext(context)) return agentMessageOf(context).senderId.startsWith('trusted-');
 *     return context.switchToHttp().getRequest().headers['x-api-key'] === process.env.API_KEY;
 *   }
 * }
 * ```
 */
export function isAgentContext(context: ExecutionContext): boolean {
  return context.getType<string>() === MAS_CONTEXT_TYPE;
}

/** The message an `@AgentHandler` guard or interceptor runs for (its arguments are `[payload, message]`). */
export function agentMessageOf(context: ExecutionContext): AgentMessage {
  return context.getArgByIndex<AgentMessage>(1);
}

/** The payload an `@AgentHandler` guard or interceptor runs for, before pipes. */
export function agentPayloadOf<T = Record<string, unknown>>(context: ExecutionContext): T {
  return context.getArgByIndex<T>(0);
}
