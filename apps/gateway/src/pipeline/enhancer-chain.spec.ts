import { ArgumentsHost, CallHandler, CanActivate, Catch, ExceptionFilter, ExecutionContext, Injectable, NestInterceptor, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { APP_GUARD, ExternalContextCreator } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { from, map, mergeMap, Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { enhancerChain } from './enhancer-chain';

const CONTEXT = 'test-context';

/** What ran, in order, for one call (its first argument). */
type Call = { steps: string[]; refuseAt?: string; failInHandler?: boolean };

const guard = (name: string) => {
  @Injectable()
  class NamedGuard implements CanActivate {
    canActivate(context: ExecutionContext): boolean | Promise<boolean> {
      const call = context.getArgByIndex<Call>(0);
      call.steps.push(`${name}:${context.getType()}`);
      const allowed = call.refuseAt !== name;
      return name === 'second' ? Promise.resolve(allowed) : allowed; // one guard answers with a promise
    }
  }
  return NamedGuard;
};
const [FirstGuard, SecondGuard, GlobalGuard] = [guard('first'), guard('second'), guard('global')];

@Injectable()
class OuterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<string>): Observable<string> {
    context.getArgByIndex<Call>(0).steps.push('outer');
    return next.handle().pipe(map((value) => `outer(${value})`));
  }
}

@Injectable()
class InnerInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler<string>): Promise<Observable<string>> {
    context.getArgByIndex<Call>(0).steps.push('inner');
    return next.handle().pipe(mergeMap((value) => from(Promise.resolve(`inner(${value})`))));
  }
}

@Catch()
class RecordingFilter implements ExceptionFilter {
  catch(exception: Error, host: ArgumentsHost): string {
    host.getArgByIndex<Call>(0).steps.push(`filter:${host.getType()}`);
    return `refused: ${exception.constructor.name} ${exception.message}`;
  }
}

@Injectable()
@UseFilters(RecordingFilter)
class Handler {
  @UseGuards(FirstGuard, SecondGuard)
  @UseInterceptors(OuterInterceptor, InnerInterceptor)
  async handle(call: Call): Promise<string> {
    call.steps.push('handler');
    if (call.failInHandler) throw new TypeError('handler failed');
    return 'done';
  }
}

/** The chain built by {@link enhancerChain} and the one Nest builds, over the same module. */
async function chains() {
  const module = await Test.createTestingModule({
    providers: [Handler, FirstGuard, SecondGuard, OuterInterceptor, InnerInterceptor, RecordingFilter, { provide: APP_GUARD, useClass: GlobalGuard }],
  }).compile();
  await module.init();
  const creator = module.get(ExternalContextCreator);
  const handler = module.get(Handler);
  const lean = enhancerChain<string>(creator, handler, handler.handle as (...args: unknown[]) => Promise<unknown>, CONTEXT);
  const nest = creator.create(handler, handler.handle as (...args: unknown[]) => unknown, 'handle', undefined, undefined, undefined, undefined, { guards: true, interceptors: true, filters: true }, CONTEXT);
  return { lean: lean!, nest, close: () => module.close() };
}

describe('enhancerChain', () => {
  it('runs what Nest runs, in the same order, with the same results, refusals and errors', async () => {
    const { lean, nest, close } = await chains();
    expect(lean).toBeTypeOf('function');
    const cases: Array<Omit<Call, 'steps'>> = [{}, { refuseAt: 'global' }, { refuseAt: 'first' }, { refuseAt: 'second' }, { failInHandler: true }];
    for (const input of cases) {
      const viaLean: Call = { ...input, steps: [] };
      const viaNest: Call = { ...input, steps: [] };
      const [leanResult, nestResult] = [await lean(viaLean), await nest(viaNest)];
      expect(leanResult).toBe(nestResult);
      expect(viaLean.steps).toEqual(viaNest.steps);
    }
    const allowed: Call = { steps: [] };
    expect(await lean(allowed)).toBe('outer(inner(done))');
    expect(allowed.steps).toEqual([`global:${CONTEXT}`, `first:${CONTEXT}`, `second:${CONTEXT}`, 'outer', 'inner', 'handler']);
    const refused: Call = { refuseAt: 'second', steps: [] };
    expect(await lean(refused)).toBe('refused: ForbiddenException Forbidden resource');
    expect(refused.steps.at(-1)).toBe(`filter:${CONTEXT}`);
    await close();
  });

  it('is not built when the resolvers find fewer guards, interceptors or filters than are declared (Nest’s own chain is used then)', async () => {
    const module = await Test.createTestingModule({
      providers: [Handler, FirstGuard, SecondGuard, OuterInterceptor, InnerInterceptor, RecordingFilter, { provide: APP_GUARD, useClass: GlobalGuard }],
    }).compile();
    await module.init();
    const creator = module.get(ExternalContextCreator) as unknown as Record<string, { create(...args: unknown[]): unknown }>;
    const handler = module.get(Handler);
    const method = handler.handle as (...args: unknown[]) => Promise<unknown>;
    for (const resolver of ['guardsContextCreator', 'interceptorsContextCreator', 'filtersContextCreator']) {
      const real = creator[resolver];
      // A Nest whose resolver finds nothing (renamed metadata, another injector): never a chain with a check missing.
      creator[resolver] = { create: () => (resolver === 'filtersContextCreator' ? Object.assign(Object.create(Object.getPrototypeOf(real.create(handler, method, ''))), { filters: [] }) : []) };
      expect(enhancerChain(creator as unknown as ExternalContextCreator, handler, method, CONTEXT), resolver).toBeUndefined();
      creator[resolver] = real;
    }
    expect(enhancerChain(creator as unknown as ExternalContextCreator, handler, method, CONTEXT)).toBeTypeOf('function');
    await module.close();
  });

  it('runs concurrent calls apart (each its own context)', async () => {
    const { lean, close } = await chains();
    const calls = Array.from({ length: 20 }, (_, i): Call => ({ steps: [], refuseAt: i % 3 === 0 ? 'first' : undefined }));
    const results = await Promise.all(calls.map((call) => lean(call)));
    results.forEach((result, i) => expect(result).toBe(i % 3 === 0 ? 'refused: ForbiddenException Forbidden resource' : 'outer(inner(done))'));
    await close();
  });
});
