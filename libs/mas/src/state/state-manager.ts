import 'reflect-metadata';
import { plainToInstance, instanceToPlain } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { StateValidationError } from '../errors';
import { AgentStateStore } from './agent-state-store';
import { currentStateTransaction } from './state-transaction';

/** A class used as a state model: its property defaults are the initial state. */
export type StateModel<T extends object = object> = new () => T;

/** Flattens class-validator errors to `"field: constraint message"` lines. */
export function describeValidationErrors(errors: ValidationError[], prefix = ''): string[] {
  const out: string[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push(`${path}: ${message}`);
    if (error.children?.length) out.push(...describeValidationErrors(error.children, path));
  }
  return out;
}

/**
 * The declared type of a model field: its `design:type`, or, when that says nothing (a field
 * declared as `count = 0` without annotation is emitted as `Object`), the type of its default value.
 */
function fieldType(model: StateModel, defaults: object, key: string): unknown {
  const declared = Reflect.getMetadata('design:type', model.prototype, key) as unknown;
  if (declared && declared !== Object) return declared;
  const fallback = (defaults as Record<string, unknown>)[key];
  if (typeof fallback === 'boolean') return Boolean;
  if (typeof fallback === 'number') return Number;
  if (typeof fallback === 'string') return String;
  return declared;
}

/** Python writes booleans as `True` / `False`; turn those into booleans for boolean fields. */
function normaliseForModel(model: StateModel, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  const defaults = new model();
  for (const [key, value] of Object.entries(out)) {
    const type = fieldType(model, defaults, key);
    if (type === Boolean && typeof value === 'string' && /^(true|false)$/i.test(value)) {
      out[key] = value.toLowerCase() === 'true';
    } else if (type === Number && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
      out[key] = Number(value);
    } else if (type === String && (typeof value === 'number' || typeof value === 'boolean')) {
      out[key] = String(value);
    }
  }
  return out;
}

/**
 * The in-memory state of one agent, kept in step with Redis. Dict mode (no model) stores any
 * JSON-serialisable values; class mode validates every update with class-validator first, and an
 * invalid update changes nothing, neither in memory nor in Redis.
 */
export class StateManager<T extends object = Record<string, unknown>> {
  private current: T;

  constructor(
    private readonly agentId: string,
    private readonly store: AgentStateStore,
    private readonly model?: StateModel<T>,
  ) {
    this.current = this.initial();
  }

  /** The current state (a model instance in class mode). Treat as read-only: use `update`. */
  get state(): T {
    return this.current;
  }

  /** Loads the persisted state, over the model's defaults. */
  async load(): Promise<T> {
    const stored = await this.store.load(this.agentId);
    if (!this.model) {
      this.current = stored as T;
    } else {
      const plain = { ...instanceToPlain(this.initial()), ...normaliseForModel(this.model, stored) };
      this.current = plainToInstance(this.model, plain);
    }
    return this.current;
  }

  /**
   * Applies and persists `changes`.
   * @throws StateValidationError in class mode when the result does not validate (nothing changes).
   */
  async update(changes: Partial<T> | Record<string, unknown>): Promise<T> {
    if (!this.model) {
      await this.persist(changes as Record<string, unknown>);
      const next = { ...(this.current as Record<string, unknown>), ...changes };
      for (const [key, value] of Object.entries(changes)) if (value === undefined) delete next[key];
      this.current = next as T;
      return this.current;
    }
    const candidate = plainToInstance(this.model, { ...instanceToPlain(this.current), ...changes });
    const errors = await validate(candidate, { forbidUnknownValues: false });
    if (errors.length) throw new StateValidationError(this.agentId, describeValidationErrors(errors));
    const persisted: Record<string, unknown> = {};
    const plain = instanceToPlain(candidate);
    for (const key of Object.keys(changes)) persisted[key] = plain[key];
    await this.persist(persisted);
    this.current = candidate;
    return this.current;
  }

  /**
   * Puts back the given fields (a failed reliable handler's changes), or reloads them from Redis
   * when `values` is omitted.
   */
  async restore(fields: string[], values?: ReadonlyMap<string, unknown>): Promise<void> {
    if (!fields.length) return;
    const source = values ?? new Map(Object.entries(await this.store.loadFields(this.agentId, fields)));
    const target = this.current as Record<string, unknown>;
    for (const field of fields) {
      const value = source.get(field);
      if (value === undefined) delete target[field];
      else target[field] = value;
    }
  }

  /** Writes now, or hands the changes to the reliable delivery being handled (committed with its ack). */
  private async persist(changes: Record<string, unknown>): Promise<void> {
    const transaction = currentStateTransaction(this.agentId);
    if (transaction) transaction.record(changes, { ...(this.current as Record<string, unknown>) });
    else await this.store.save(this.agentId, changes);
  }

  /** Back to the model's defaults (or an empty object), and the Redis hash deleted. */
  async reset(): Promise<T> {
    await this.store.reset(this.agentId);
    this.current = this.initial();
    return this.current;
  }

  private initial(): T {
    return this.model ? new this.model() : ({} as T);
  }
}
