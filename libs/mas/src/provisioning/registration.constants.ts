/** Message type of a provisioned agent's signed registration request (target: the gateway). */
export const REGISTER_REQUEST_TYPE = 'mas.register';

/** Message type of a provisioned agent's signed deregistration request (target: the gateway). */
export const DEREGISTER_REQUEST_TYPE = 'mas.deregister';

/** Data of a registration request. */
export interface RegistrationRequestData {
  capabilities: string[];
  metadata?: Record<string, unknown>;
  /** The consumer name of the requesting replica. */
  replica_id?: string;
}
