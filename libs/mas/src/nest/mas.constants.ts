/** Class metadata of `@MasAgent`. */
export const MAS_AGENT_METADATA = 'mas:agent';
/** Parameter metadata of `@AgentPayload` / `@AgentEnvelope`. */
export const MAS_ARGS_METADATA = 'mas:args';
/** Property metadata of `@AgentRef`. */
export const MAS_AGENT_REF_METADATA = 'mas:agent-ref';
/** Injection token of the shared {@link MasConnection} of a Nest app. */
export const MAS_CONNECTION = Symbol('MAS_CONNECTION');
/** `ExecutionContext.getType()` of agent handlers, for guards and interceptors. */
export const MAS_CONTEXT_TYPE = 'mas';

/**
 * Kinds of `@AgentHandler` parameters. The numbers are Nest's route param types: PAYLOAD is
 * reported to pipes as `body` (so `ValidationPipe` validates it like a request body), MESSAGE as
 * `custom`.
 */
export enum MasParamType {
  MESSAGE = 1,
  PAYLOAD = 3,
}
