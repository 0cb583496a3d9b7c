import { MAS_AGENT_REF_METADATA } from '../mas.constants';

/**
 * Marks a property of a `@MasAgent` provider that receives its running {@link Agent}
 * (to `send`, `request`, `discover` or touch `state`). Set before the agent starts.
 */
export function AgentRef(): PropertyDecorator {
  return (target, propertyKey) => {
    const existing = (Reflect.getMetadata(MAS_AGENT_REF_METADATA, target.constructor) as Array<string | symbol>) ?? [];
    Reflect.defineMetadata(MAS_AGENT_REF_METADATA, [...existing, propertyKey], target.constructor);
  };
}
