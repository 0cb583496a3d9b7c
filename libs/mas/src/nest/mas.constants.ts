/** Class metadata of `@MasAgent`. */
export const MAS_AGENT_METADATA = 'mas:agent';
/** Parameter metadata of `@AgentPayload` / `@AgentEnvelope`. */
export const MAS_ARGS_METADATA = 'mas:args';
/** Property metadata of `@AgentRef`. */
export const MAS_AGENT_REF_METADATA = 'mas:agent-ref';
/** Injection token of the shared {@link MasConnection} of a Nest app. */
export const MAS_CONNECTION = Symbol('MAS_CONNECTION');
/**
 * The options the app's agents run with: `MasModule`'s options completed by the MAS settings
 * (defaults → `config/mas.yaml` / `MAS_CONFIG` → `MAS_*` env → the options given), validated at boot.
 */
export const MAS_RESOLVED_OPTIONS = Symbol('MAS_RESOLVED_OPTIONS');
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
