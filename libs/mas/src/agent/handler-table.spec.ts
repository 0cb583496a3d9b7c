import 'reflect-metadata';
import { IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { InvalidAgentConfigError } from '../errors';
import { AgentHandler } from './agent-handler.decorator';
import { buildHandlerTable, readHandlerMetadata } from './handler-table';

class Payload {
  @IsString()
  name!: string;
}

class Base {
  calls: string[] = [];

  @AgentHandler('base.ping')
  ping() {
    this.calls.push('Base.ping');
    return 'base';
  }

  @AgentHandler('shared.type')
  shared() {
    return 'base-shared';
  }
}

class Child extends Base {
  @AgentHandler('child.only', { model: Payload, timeout: 500 })
  only(payload: Payload) {
    return `child:${payload.name}`;
  }

  @AgentHandler('shared.type')
  override shared() {
    return 'child-shared';
  }
}

class Other {
  @AgentHandler('shared.type')
  mine() {
    return 'other';
  }
}

describe('handler table', () => {
  it('reads the handlers of the class and its base classes; an override wins', () => {
    const table = buildHandlerTable(new Child(), 'Child');

    expect([...table.keys()].sort()).toEqual(['base.ping', 'child.only', 'shared.type']);
    expect(table.get('child.only')).toMatchObject({ methodName: 'only', model: Payload, timeout: 500 });
    expect(table.get('shared.type')!.invoke({}, undefined as never)).toBe('child-shared');
  });

  it('calls the method on its own instance', () => {
    const instance = new Child();
    const table = buildHandlerTable(instance, 'Child');

    expect(table.get('base.ping')!.invoke({}, undefined as never)).toBe('base');
    expect(instance.calls).toEqual(['Base.ping']);
  });

  it('keeps the tables of two classes apart for the same message type', () => {
    const base = buildHandlerTable(new Base(), 'Base');
    const other = buildHandlerTable(new Other(), 'Other');

    expect(base.get('shared.type')!.invoke({}, undefined as never)).toBe('base-shared');
    expect(other.get('shared.type')!.invoke({}, undefined as never)).toBe('other');
    expect(other.has('base.ping')).toBe(false);
  });

  it('refuses two handlers of one type in one class, naming both', () => {
    class Twice {
      @AgentHandler('dup')
      first() {}
      @AgentHandler('dup')
      second() {}
    }

    expect(() => buildHandlerTable(new Twice(), 'Twice')).toThrow(InvalidAgentConfigError);
    expect(() => buildHandlerTable(new Twice(), 'Twice')).toThrow(/Twice.*"dup".*first.*second/);
  });

  it('lets a wrapper stand between the table and the method', () => {
    const wrapped: string[] = [];
    const table = buildHandlerTable(new Other(), 'Other', (methodName) => () => (wrapped.push(methodName), 'wrapped'));

    expect(table.get('shared.type')!.invoke({}, undefined as never)).toBe('wrapped');
    expect(wrapped).toEqual(['mine']);
  });

  it('finds nothing on a class without handlers', () => {
    expect(readHandlerMetadata(new (class Plain {})())).toEqual([]);
  });
});
