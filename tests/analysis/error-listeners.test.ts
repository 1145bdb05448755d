import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { HandlerContext, HandlerContextOptions } from '../../src/analysis/handlers/error-listeners.js';
import { createHandlerContextFinder, listenerReturnAcceptsPromise } from '../../src/analysis/handlers/error-listeners.js';
import type { FunctionNode } from '../../src/util/ast.js';
import { compileHandlerCallees } from '../../src/analysis/handlers/house-conventions.js';
import { modes, runProbe } from './harness.js';

const PRELUDE = 'declare function here(): void; declare const emitter: any, app: any, target: any, ws: any, p: Promise<number>, bus: any, process: any;\n';

function summarize(handler: HandlerContext | undefined): string {
  if (!handler) return 'none';
  if (handler.kind === 'catch' || handler.kind === 'finally') return handler.kind;
  const parts: string[] = [handler.kind];
  if (handler.event !== undefined) parts.push(handler.event);
  if (handler.returnIgnored) parts.push('return ignored');
  return parts.join(' ');
}

/** The handler context of every `here()` statement in `code`, in source order. */
function contextsOfMarkers(code: string, typed: boolean, options: HandlerContextOptions = {}): string[] {
  const found: string[] = [];
  runProbe(PRELUDE + code, typed, (context) => {
    const finder = createHandlerContextFinder(context, options);
    return {
      'ExpressionStatement > CallExpression[callee.name="here"]'(call: TSESTree.CallExpression) {
        found.push(summarize(finder.enclosing(call.parent)));
      },
    };
  });
  return found;
}

/** `ofFunction` for every function in `code` whose first parameter is named `marked`. */
function contextsOfMarkedFunctions(code: string, typed: boolean): string[] {
  const found: string[] = [];
  runProbe(PRELUDE + code, typed, (context) => {
    const finder = createHandlerContextFinder(context);
    return {
      ':function'(fn: FunctionNode) {
        const first = fn.params.find((param) => !(param.type === AST_NODE_TYPES.Identifier && param.name === 'this'));
        if (first?.type === AST_NODE_TYPES.Identifier && first.name === 'marked') found.push(summarize(finder.ofFunction(fn)));
      },
    };
  });
  return found;
}

describe.each(modes)('handler contexts (%s)', (_mode, typed) => {
  const contexts = (code: string, options?: HandlerContextOptions): string[] => contextsOfMarkers(code, typed, options);

  it('finds catch and finally blocks, not the try block', () => {
    expect(contexts('try { here(); } catch (e) { here(); } finally { here(); }')).toEqual(['none', 'catch', 'finally']);
    expect(contexts('try { here(); } catch { if (p) { for (;;) { here(); } } }')).toEqual(['none', 'catch']);
  });

  it('names the innermost handler', () => {
    expect(contexts('try {} catch { try { here(); } finally { here(); } here(); }')).toEqual(['catch', 'finally', 'catch']);
    expect(contexts("emitter.on('error', () => { try {} catch { here(); } here(); });")).toEqual(['catch', 'error-listener error return ignored']);
  });

  it('does not extend into nested functions, classes or static blocks unless they are handlers themselves', () => {
    expect(contexts('try {} catch { setTimeout(() => { here(); }); function later() { here(); } }')).toEqual(['none', 'none']);
    expect(contexts('try {} catch { class A { m() { here(); } static { here(); } field = here(); } }')).toEqual(['none', 'none']);
    expect(contexts('try {} catch { p.catch(() => { here(); }); }')).toEqual(['promise-catch']);
  });

  it('finds promise rejection and finally callbacks, not fulfilment callbacks', () => {
    expect(contexts('p.catch(() => { here(); }); p.then(() => { here(); }, () => { here(); }); p.finally(function () { here(); });')).toEqual([
      'promise-catch',
      'none',
      'promise-then',
      'promise-finally',
    ]);
  });

  it('finds error listeners by event name', () => {
    expect(
      contexts(
        [
          "process.on('uncaughtException', () => { here(); });",
          "process.once('unhandledRejection', () => { here(); });",
          "globalThis.process.prependListener('uncaughtExceptionMonitor', () => { here(); });",
          "emitter.on('error', () => { here(); });",
          "emitter.addListener(`error`, () => { here(); });",
          "emitter.prependOnceListener('error', () => { here(); });",
          "target.addEventListener('error', () => { here(); });",
          "target.addEventListener('unhandledrejection', () => { here(); }, { once: true });",
          'ws.onerror = () => { here(); };',
          'ws.onunhandledrejection = function () { here(); };',
        ].join('\n'),
      ),
    ).toEqual([
      'error-listener uncaughtException return ignored',
      'error-listener unhandledRejection return ignored',
      'error-listener uncaughtExceptionMonitor return ignored',
      'error-listener error return ignored',
      'error-listener error return ignored',
      'error-listener error return ignored',
      'error-listener error return ignored',
      'error-listener unhandledrejection return ignored',
      'error-property onerror return ignored',
      'error-property onunhandledrejection return ignored',
    ]);
  });

  it('ignores other events, process events on other receivers, and dynamic event names', () => {
    expect(
      contexts(
        [
          "process.on('exit', () => { here(); });",
          "emitter.on('uncaughtException', () => { here(); });",
          "target.addEventListener('click', () => { here(); });",
          "emitter.on(eventName, () => { here(); }); declare const eventName: string;",
          "emitter.on('error'); here();",
          'ws.onmessage = () => { here(); };',
          'ws.onerror += () => { here(); };',
        ].join('\n'),
      ),
    ).toEqual(['none', 'none', 'none', 'none', 'none', 'none', 'none']);
  });

  it('finds Express error middleware by its four parameters', () => {
    expect(
      contexts(
        [
          'app.use((err: any, req: any, res: any, next: any) => { here(); });',
          "router.use('/api', async function (err: any, req: any, res: any, next: any) { here(); }); declare const router: any;",
          'app.use((req: any, res: any, next: any) => { here(); });',
          'app.use((err: any, req: any, res: any, next = () => {}) => { here(); });',
          'app.use((err: any, req: any, res: any, ...rest: any[]) => { here(); });',
          'use((err: any, req: any, res: any, next: any) => { here(); }); declare function use(f: unknown): void;',
        ].join('\n'),
      ),
    ).toEqual(['error-middleware', 'error-middleware', 'none', 'none', 'none', 'none']);
  });

  it("finds React's componentDidCatch by name inside a class", () => {
    expect(
      contexts(
        [
          'class A { componentDidCatch() { here(); } }',
          'class B { componentDidCatch = () => { here(); }; }',
          'class C { static componentDidCatch() { here(); } }',
          'const d = { componentDidCatch() { here(); } };',
          "class E { ['componentDidCatch']() { here(); } }",
        ].join('\n'),
      ),
    ).toEqual(['component-did-catch return ignored', 'component-did-catch return ignored', 'none', 'none', 'none']);
  });

  it('finds callbacks of the configured handler callees', () => {
    const code = 'bus.onError(() => { here(); }); this.queue.onFailure(function () { here(); }); bus.onMessage(() => { here(); });';
    expect(contexts(code)).toEqual(['none', 'none', 'none']);
    expect(contexts(code, { handlerCallees: compileHandlerCallees(['bus.onError', '*.onFailure']) })).toEqual([
      'handler-callee',
      'handler-callee',
      'none',
    ]);
    // Only the callback argument: the one named, else the last.
    const helpers = 'tryThat(() => { here(); }, () => { here(); }); retry(() => { here(); }, () => { here(); });';
    expect(contexts(helpers, { handlerCallees: compileHandlerCallees([{ name: 'tryThat', argument: 1 }, 'retry']) })).toEqual([
      'none',
      'handler-callee',
      'none',
      'handler-callee',
    ]);
  });

  it('finds handlers registered by name: declarations and const functions', () => {
    expect(
      contextsOfMarkedFunctions(
        [
          'function onCrash(marked: unknown) {}',
          "process.on('uncaughtException', onCrash);",
          'const onFailure = (marked: unknown) => {};',
          'p.catch(onFailure);',
          'function errorHandler(this: unknown, marked: any, req: any, res: any, next: any) {}',
          'app.use(errorHandler);',
          'function notRegistered(marked: unknown) {}',
          'notRegistered(1);',
          'let reassigned = (marked: unknown) => {};',
          "emitter.on('error', reassigned);",
          'const cast = ((marked: unknown) => {}) as (e: unknown) => void;',
          'ws.onerror = cast;',
        ].join('\n'),
        typed,
      ),
    ).toEqual([
      'error-listener uncaughtException return ignored',
      'promise-catch',
      'error-middleware',
      'none',
      'none',
      'error-property onerror return ignored',
    ]);
  });
});

describe('handler contexts with type information', () => {
  it('counts promise callbacks only on thenables (by name without types)', () => {
    const code = 'declare const query: { catch(cb: () => void): void }; query.catch(() => { here(); });';
    expect(contextsOfMarkers(code, true)).toEqual(['none']);
    expect(contextsOfMarkers(code, false)).toEqual(['promise-catch']);
  });
});

describe('listenerReturnAcceptsPromise', () => {
  /** The answer for every registered handler function whose first parameter is `marked`. */
  function answers(code: string, typed: boolean): boolean[] {
    const found: boolean[] = [];
    runProbe(code, typed, (context) => {
      const finder = createHandlerContextFinder(context, { handlerCallees: compileHandlerCallees(['on*']) });
      return {
        ':function'(fn: FunctionNode) {
          const first = fn.params[0];
          const handler = finder.ofFunction(fn);
          if (first?.type === AST_NODE_TYPES.Identifier && first.name === 'marked' && handler) {
            found.push(listenerReturnAcceptsPromise(context, handler.registeredAs));
          }
        },
      };
    });
    return found;
  }

  const code = [
    'declare function onVoid(cb: (e: Error) => void): void;',
    'declare function onAsync(cb: (e: Error) => void | Promise<void>): void;',
    'declare function onAny(cb: (e: Error) => any): void;',
    'declare function onEither(cb: ((e: Error) => void) | ((e: Error) => PromiseLike<void>)): void;',
    'onVoid(async (marked) => {});',
    'onAsync(async (marked) => {});',
    'onAny(async (marked) => {});',
    'onEither(async (marked: Error) => {});',
    'async function declared(marked: Error) {}',
    'onAsync(declared);',
    'async function declaredVoid(marked: Error) {}',
    'onVoid(declaredVoid);',
    'declare const untyped: any; untyped.on("error", async (marked: unknown) => {});',
    'declare const typedWindow: { onerror: ((e: unknown) => void) | null }; typedWindow.onerror = async (marked) => {};',
  ].join('\n');

  it('is true only where the listener type accepts a promise', () => {
    expect(answers(code, true)).toEqual([false, true, false, true, true, false, false, false]);
  });

  it('is false without type information', () => {
    expect(answers(code, false)).toEqual([false, false, false, false, false, false, false, false]);
  });
});
