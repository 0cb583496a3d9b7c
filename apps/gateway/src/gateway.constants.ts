import { Inject } from '@nestjs/common';

/** `ExecutionContext.getType()` of the gateway pipeline, for guards, interceptors and filters. */
export const GATEWAY_CONTEXT_TYPE = 'mas-gateway';

/** Injection token of this instance's name (its consumer name in the ingress group). */
export const GATEWAY_INSTANCE_ID = Symbol('GATEWAY_INSTANCE_ID');

/** Injects this instance's name. */
export const InjectInstanceId = (): ParameterDecorator => Inject(GATEWAY_INSTANCE_ID);
