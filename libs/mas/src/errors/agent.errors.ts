import { MasError } from './mas.error';

/** An operation that needs a running agent was called before `start()` or after `stop()`. */
export class AgentNotStartedError extends MasError {
  override readonly code = 'AGENT_NOT_STARTED';
  constructor(readonly agentId: string, operation: string) {
    super(`Agent "${agentId}" is not started: cannot ${operation}`);
  }
}

/** Another live agent (its heartbeat key is present) already holds this id. */
export class DuplicateAgentError extends MasError {
  override readonly code = 'DUPLICATE_AGENT';
  constructor(readonly agentId: string) {
    super(
      `Agent id "${agentId}" is held by another live agent (heartbeat present); ` +
        'stop it first or start with { replace: true }',
    );
  }
}

/** A message was published to a channel that nobody subscribes to. */
export class UnknownTargetError extends MasError {
  override readonly code = 'UNKNOWN_TARGET';
  constructor(readonly targetId: string) {
    super(`No agent is listening on "${targetId}" (PUBLISH reached 0 subscribers)`);
  }
}

/** `message.reply()` was called on a message that carries no correlation id. */
export class ReplyNotPossibleError extends MasError {
  override readonly code = 'REPLY_NOT_POSSIBLE';
  constructor(readonly messageId: string) {
    super(`Message ${messageId} carries no correlation id and does not expect a reply`);
  }
}

/** Configuration of an agent or module is invalid. */
export class InvalidAgentConfigError extends MasError {
  override readonly code: string = 'INVALID_CONFIG';
}

/** An agent id that is empty or holds white space or glob characters (`* ? [ ]`). */
export class InvalidAgentIdError extends InvalidAgentConfigError {
  override readonly code = 'INVALID_AGENT_ID';
  constructor(readonly agentId: string) {
    super(`Invalid agent id "${agentId}": it must be non-empty, without white space or glob characters (* ? [ ])`);
  }
}

/** No agent of that id runs in this application (`MasAgents.get`). */
export class AgentNotFoundError extends MasError {
  override readonly code = 'AGENT_NOT_FOUND';
  constructor(readonly agentId: string) {
    super(`No @MasAgent with id "${agentId}" in this application`);
  }
}
