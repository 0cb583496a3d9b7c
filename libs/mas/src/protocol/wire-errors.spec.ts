import { describe, expect, it } from 'vitest';
import { GatewayRejectedError, NoHandlerError, PayloadValidationError, RemoteHandlerError } from '../errors';
import { errorFromWire, toWireError } from './wire-errors';

const origin = { senderId: 'shop', messageType: 'order.place' };

describe('toWireError', () => {
  it('carries the violations of a PayloadValidationError', () => {
    expect(toWireError(new PayloadValidationError('t', ['a: bad']))).toMatchObject({ type: 'PayloadValidationError', details: { violations: ['a: bad'] } });
  });

  it('carries the response of an HttpException-like error, and stringifies non-errors', () => {
    const httpLike = Object.assign(new Error('Forbidden'), { name: 'ForbiddenException', getResponse: () => ({ statusCode: 403 }) });
    expect(toWireError(httpLike)).toEqual({ type: 'ForbiddenException', message: 'Forbidden', details: { statusCode: 403 } });
    expect(toWireError('plain')).toEqual({ type: 'Error', message: 'plain' });
  });

  it('writes a gateway refusal as its reason and decision', () => {
    expect(toWireError(new GatewayRejectedError('DLP_BLOCKED', 'credit card'))).toEqual({
      type: 'GatewayRejectedError',
      message: 'credit card',
      details: { decision: 'DLP_BLOCKED' },
    });
  });
});

describe('errorFromWire', () => {
  it('gives back the typed error toWireError wrote, both ways', () => {
    const invalid = errorFromWire(toWireError(new PayloadValidationError('order.place', ['quantity: must be >= 1'], 'shop')), origin);
    expect(invalid).toBeInstanceOf(PayloadValidationError);
    expect((invalid as PayloadValidationError).violations).toEqual(['quantity: must be >= 1']);

    const refused = errorFromWire(toWireError(new GatewayRejectedError('AUTHZ_DENIED', 'blocked target')), origin);
    expect(refused).toBeInstanceOf(GatewayRejectedError);
    expect(refused).toMatchObject({ decision: 'AUTHZ_DENIED', reason: 'blocked target' });

    expect(errorFromWire(toWireError(new NoHandlerError('shop', 'order.place')), origin)).toBeInstanceOf(NoHandlerError);
  });

  it('keeps an unknown remote error as RemoteHandlerError with its type, message and details', () => {
    const error = errorFromWire({ type: 'QuotaExceeded', message: 'quota', details: { left: 0 } }, origin);
    expect(error).toBeInstanceOf(RemoteHandlerError);
    expect(error).toMatchObject({ targetId: 'shop', remoteType: 'QuotaExceeded', remoteMessage: 'quota', details: { left: 0 } });
  });

  it('reads a gateway refusal without a decision as SERVICE_UNAVAILABLE', () => {
    expect(errorFromWire({ type: 'GatewayRejectedError', message: 'odd' }, origin)).toMatchObject({ decision: 'SERVICE_UNAVAILABLE' });
  });
});
