/** An event on the `mas.system` channel, as the Python implementation writes it. */
export interface SystemEvent {
  type: 'REGISTER' | 'DEREGISTER';
  agent_id: string;
  capabilities?: string[];
}

/** Parses a `mas.system` payload; returns undefined for anything that is not a known event. */
export function decodeSystemEvent(raw: string): SystemEvent | undefined {
  try {
    const parsed = JSON.parse(raw) as Partial<SystemEvent> | null;
    if (!parsed || (parsed.type !== 'REGISTER' && parsed.type !== 'DEREGISTER')) return undefined;
    if (typeof parsed.agent_id !== 'string' || !parsed.agent_id) return undefined;
    const capabilities = Array.isArray(parsed.capabilities)
      ? parsed.capabilities.filter((c): c is string => typeof c === 'string')
      : undefined;
    return { type: parsed.type, agent_id: parsed.agent_id, capabilities };
  } catch {
    return undefined;
  }
}
