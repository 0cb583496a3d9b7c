import {
  AgentOverloadedError,
  GatewayDecision,
  GatewayRejectedError,
  MasError,
  MessageTooLargeError,
  NoHandlerError,
  PayloadValidationError,
  RemoteHandlerError,
} from '../errors';
import type { WireError } from './envelope.interfaces';

/**
 * The one place where errors cross the wire, in both directions: {@link toWireError} writes the
 * `meta.error` block of an error reply (or of a gateway decision), {@link errorFromWire} turns the
 * block a requester receives back into the typed error its promise rejects with.
 */

/** What the requester knows about the error reply it received. */
export interface WireErrorOrigin {
  /** Who sent the error reply (the request's target, or the gateway). */
  senderId: string;
  /** Message type of the request the error answers. */
  messageType: string;
}

/** Converts any thrown value into the `meta.error` block of an error reply. */
export function toWireError(error: unknown): WireError {
  if (error instanceof PayloadValidationError) {
    return { type: error.name, message: error.message, details: { violations: error.violations } };
  }
  if (error instanceof GatewayRejectedError) {
    return { type: error.name, message: error.reason, details: { decision: error.decision } };
  }
  if (error instanceof MessageTooLargeError) {
    return { type: error.name, message: error.message, details: { size: error.size, limit: error.limit } };
  }
  if (error instanceof AgentOverloadedError) {
    return { type: error.name, message: error.message, details: { queued: error.queued } };
  }
  if (error instanceof Error) {
    // Nest's exceptions, recognised by shape so this file loads no Nest: an HttpException keeps its
    // status and response body (a ValidationPipe's messages), an RpcException its error value.
    const http = error as { getResponse?: () => unknown; getStatus?: () => unknown; getError?: () => unknown };
    const status = typeof http.getStatus === 'function' ? Number(http.getStatus()) : undefined;
    const details = http.getResponse?.() ?? http.getError?.();
    // A class that keeps Error's `name` (Nest's RpcException, many user errors) is named by its class.
    const type = error.name === 'Error' && error.constructor !== Error ? error.constructor.name : error.name;
    return {
      type,
      message: error.message,
      ...(details !== undefined ? { details } : {}),
      ...(status !== undefined && Number.isInteger(status) ? { status } : {}),
    };
  }
  return { type: 'Error', message: String(error) };
}

/**
 * Turns the `meta.error` of an error reply into the typed error the requester sees:
 * the error class when both sides know it, {@link RemoteHandlerError} (with the remote type,
 * message and details) otherwise.
 */
export function errorFromWire(error: WireError, origin: WireErrorOrigin): MasError {
  const details = (error.details ?? {}) as Record<string, unknown>;
  switch (error.type) {
    case PayloadValidationError.name: {
      const violations = Array.isArray(details.violations) ? details.violations.map(String) : [error.message];
      return new PayloadValidationError(origin.messageType, violations, origin.senderId);
    }
    case NoHandlerError.name:
      return new NoHandlerError(origin.senderId, origin.messageType);
    case MessageTooLargeError.name:
      return new MessageTooLargeError(Number(details.size), Number(details.limit), origin.senderId);
    case AgentOverloadedError.name:
      return new AgentOverloadedError(origin.senderId, Number(details.queued));
    case GatewayRejectedError.name:
      return new GatewayRejectedError((details.decision as GatewayDecision | undefined) ?? 'SERVICE_UNAVAILABLE', error.message);
    default:
      return new RemoteHandlerError(origin.senderId, error.type, remoteMessage(error), error.details, typeof error.status === 'number' ? error.status : undefined);
  }
}

/** The remote message, with a validation pipe's messages (`details.message: string[]`) spelled out. */
function remoteMessage(error: WireError): string {
  const messages = (error.details as { message?: unknown } | undefined)?.message;
  return Array.isArray(messages) && messages.length ? `${error.message}: ${messages.map(String).join('; ')}` : error.message;
}
