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

/** Indexes of handler arguments (`[payload, message]`). */
export enum MasParamType {
  PAYLOAD = 0,
  MESSAGE = 1,
}
