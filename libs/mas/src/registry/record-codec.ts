import type { AgentStatus } from '../redis/keys';
import type { AgentRecord, AgentRegistration } from './agent-record.interfaces';

function parseJson<T>(raw: string | undefined | null, fallback: T): T {
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** Capabilities from their stored JSON (tolerates anything the Python side or a human wrote). */
export function parseCapabilities(raw: string | undefined | null): string[] {
  const list = parseJson<unknown>(raw, []);
  return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
}

/** Builds a record from the fields of an `agent:{id}` hash. */
export function recordFromFields(id: string, fields: Record<string, string | undefined>): AgentRecord {
  const metadata = parseJson<unknown>(fields.metadata, {});
  return {
    id: fields.id || id,
    capabilities: parseCapabilities(fields.capabilities),
    metadata: metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : {},
    status: (fields.status === 'INACTIVE' ? 'INACTIVE' : 'ACTIVE') as AgentStatus,
    registeredAt: Number(fields.registered_at) || 0,
  };
}

/** Builds a registration (record plus token) from a hash. */
export function registrationFromFields(id: string, fields: Record<string, string>): AgentRegistration {
  return { ...recordFromFields(id, fields), token: fields.token ?? '' };
}
