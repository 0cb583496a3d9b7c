/** Metadata key of `@AgentHandler`. */
export const AGENT_HANDLER_METADATA = 'mas:agent-handler';
/** Default request timeout (ms): finite, never infinite. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Default largest accepted envelope (bytes). */
export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
/** How long `stop()` waits for running handlers (ms). */
export const DEFAULT_DRAIN_TIMEOUT_MS = 5_000;
/** Suffix of the message type of an automatic reply (a handler that returns a value). */
export const REPLY_TYPE_SUFFIX = '.reply';
/** Message type of an error reply. */
export const ERROR_REPLY_TYPE = 'mas.error';
/** Default number of handlers run at once for pub/sub deliveries. */
export const DEFAULT_MAX_CONCURRENCY = 256;
/** Default number of pub/sub deliveries that may wait for a handler slot. */
export const DEFAULT_MAX_QUEUED = 10_000;
/** Default deadline of a send reaching Redis (ms), waiting for a lost connection included. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 3_000;
/** Default number of sends that may wait for a lost connection. */
export const DEFAULT_MAX_OFFLINE_SENDS = 1_000;
/** Default time a reliable send waits for its replicas (ms), when it asks for them. */
export const DEFAULT_REPLICA_WAIT_MS = 1_000;
