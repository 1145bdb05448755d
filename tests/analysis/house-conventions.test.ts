import { parse } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROPAGATORS,
  DEFAULT_REPORTERS,
  HouseSettingsError,
  compileHandlerCallees,
  getCalleeConventions,
  getHandlerCallees,
  getHouseSettings,
  parseHouseSettings,
} from '../../src/analysis/handlers/house-conventions.js';
import plugin from '../../src/index.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The part of a rule context the settings are read from. */
function contextWith(settings: unknown): Context {
  return { settings } as unknown as Context;
}

/** The message of the `HouseSettingsError` that `run` throws, or 'no error'. */
function settingsProblem(run: () => unknown): string {
  let message = 'no error';
  try {
    run();
  } catch (error) {
    if (!(error instanceof HouseSettingsError)) throw error;
    message = error.message;
  }
  return message;
}

/** The first call expression of `code`. */
function firstCall(code: string): TSESTree.CallExpression {
  const program = parse(code);
  const statement = program.body[0];
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) throw new Error('no call');
  return statement.expression;
}

describe('parseHouseSettings', () => {
  it('reads the three lists, each optional', () => {
    expect(parseHouseSettings(undefined)).toEqual({ reporters: [], propagators: [], handlerCallees: [] });
    expect(parseHouseSettings({})).toEqual({ reporters: [], propagators: [], handlerCallees: [] });
    expect(
      parseHouseSettings({
        reporters: ['telemetry.report', 'track*Failure'],
        propagators: ['failWith'],
        handlerCallees: ['bus.onError', { name: 'tryThat', argument: 1 }, { name: '*.onFailure' }],
      }),
    ).toEqual({
      reporters: ['telemetry.report', 'track*Failure'],
      propagators: ['failWith'],
      handlerCallees: [{ name: 'bus.onError' }, { name: 'tryThat', argument: 1 }, { name: '*.onFailure' }],
    });
  });

  it('rejects what it cannot use, naming the setting and the value', () => {
    const problem = (settings: unknown): string => settingsProblem(() => parseHouseSettings(settings));
    expect(problem(['telemetry.report'])).toBe(
      "eslint-plugin-error-handling: settings['error-handling'] must be an object, not an array (see docs/settings.md).",
    );
    expect(problem({ reporter: ['x'] })).toBe(
      "eslint-plugin-error-handling: settings['error-handling'].reporter is not a setting of this plugin: the settings are reporters, propagators, handlerCallees, peerRules (see docs/settings.md).",
    );
    expect(problem({ reporters: 'telemetry.report' })).toMatch(/settings\['error-handling'\]\.reporters must be an array of callee patterns, not "telemetry\.report"/u);
    expect(problem({ propagators: ['next', 'bus..emit'] })).toMatch(
      /settings\['error-handling'\]\.propagators\[1\] must be a dotted callee pattern such as "\*\.error" or "telemetry\.report", not "bus\.\.emit"/u,
    );
    expect(problem({ reporters: [''] })).toMatch(/\.reporters\[0\] must be a dotted callee pattern/u);
    expect(problem({ reporters: [42] })).toMatch(/\.reporters\[0\] must be a dotted callee pattern .*, not 42/u);
    expect(problem({ handlerCallees: { name: 'tryThat' } })).toMatch(/\.handlerCallees must be an array, not an object/u);
    expect(problem({ handlerCallees: [null] })).toMatch(/\.handlerCallees\[0\] must be a callee pattern or an object such as \{ name: 'tryThat', argument: 1 \}, not null/u);
    expect(problem({ handlerCallees: [{ name: 'tryThat', arg: 1 }] })).toMatch(/\.handlerCallees\[0\]\.arg is not a known property: use `name` and `argument`/u);
    expect(problem({ handlerCallees: [{ argument: 1 }] })).toMatch(/\.handlerCallees\[0\]\.name must be a dotted callee pattern .*, not undefined/u);
    for (const argument of [-1, 1.5, '1']) {
      expect(problem({ handlerCallees: [{ name: 'tryThat', argument }] })).toMatch(/\.handlerCallees\[0\]\.argument must be the index of the callback argument \(0 for the first\)/u);
    }
  });
});

describe('getHouseSettings', () => {
  it('validates each settings object once, and rethrows its error on every later call', () => {
    const settings = { 'error-handling': { reporters: ['telemetry.report'] } };
    const first = getHouseSettings(contextWith(settings));
    expect(getHouseSettings(contextWith(settings))).toBe(first);
    const bad = { 'error-handling': { reporters: 'x' } };
    expect(() => getHouseSettings(contextWith(bad))).toThrow(HouseSettingsError);
    expect(() => getHouseSettings(contextWith(bad))).toThrow(/\.reporters must be an array/u);
  });

  it('reads no settings as none', () => {
    expect(getHouseSettings(contextWith({}))).toEqual({ reporters: [], propagators: [], handlerCallees: [] });
    expect(getHouseSettings(contextWith(undefined))).toEqual({ reporters: [], propagators: [], handlerCallees: [] });
    expect(getHouseSettings(contextWith({ other: { reporters: 'ignored: another plugin' } }))).toEqual({ reporters: [], propagators: [], handlerCallees: [] });
  });
});

describe('getCalleeConventions', () => {
  const settings = { 'error-handling': { reporters: ['telemetry.report'], propagators: ['failWith'] } };

  it('adds the settings to the built-in lists', () => {
    const { reporters, propagators } = getCalleeConventions(contextWith(settings));
    expect(reporters.matches(['telemetry', 'report'])).toBe(true);
    expect(reporters.matches(['logger', 'error'])).toBe(true);
    expect(reporters.matches(['appInsights', 'trackException'])).toBe(true);
    expect(propagators.matches(['failWith'])).toBe(true);
    expect(propagators.matches(['next'])).toBe(true);
    expect(reporters.matches(['telemetry', 'send'])).toBe(false);
  });

  it("adds the settings to a rule's own lists, which replace the built-in ones", () => {
    const { reporters, propagators } = getCalleeConventions(contextWith(settings), { reporters: ['Sentry.captureException'], propagators: [] });
    expect(reporters.matches(['Sentry', 'captureException'])).toBe(true);
    expect(reporters.matches(['telemetry', 'report'])).toBe(true);
    expect(reporters.matches(['logger', 'error'])).toBe(false);
    expect(propagators.matches(['failWith'])).toBe(true);
    expect(propagators.matches(['next'])).toBe(false);
  });

  it('gives the same object for the same lists, so that analyses cached per conventions are shared', () => {
    const other = { 'error-handling': { reporters: ['telemetry.report'], propagators: ['failWith'] } };
    expect(getCalleeConventions(contextWith(settings))).toBe(getCalleeConventions(contextWith(other)));
    expect(getCalleeConventions(contextWith({}), { reporters: DEFAULT_REPORTERS, propagators: DEFAULT_PROPAGATORS })).toBe(
      getCalleeConventions(contextWith({})),
    );
    expect(getCalleeConventions(contextWith(settings))).not.toBe(getCalleeConventions(contextWith({})));
  });
});

describe('handler callees', () => {
  const matcher = compileHandlerCallees([{ name: 'tryThat', argument: 1 }, 'bus.onError', '*.onFailure']);

  it('finds the callback argument: the one named, else the last', () => {
    expect(matcher.callbackIndex(firstCall('tryThat(exec, (e) => null, options);'))).toBe(1);
    expect(matcher.callbackIndex(firstCall('bus.onError((e) => {});'))).toBe(0);
    expect(matcher.callbackIndex(firstCall('this.jobs.onFailure(name, handler);'))).toBe(1);
    expect(matcher.callbackIndex(firstCall('other.tryThat(exec, (e) => null);'))).toBe(1);
  });

  it('finds none when the call is not listed, or the argument is missing or spread', () => {
    expect(matcher.callbackIndex(firstCall('bus.onMessage((e) => {});'))).toBeUndefined();
    expect(matcher.callbackIndex(firstCall('tryThat(exec);'))).toBeUndefined();
    expect(matcher.callbackIndex(firstCall('tryThat(exec, ...handlers);'))).toBeUndefined();
    expect(matcher.callbackIndex(firstCall('bus.onError();'))).toBeUndefined();
    expect(compileHandlerCallees([]).isEmpty).toBe(true);
    expect(matcher.isEmpty).toBe(false);
  });

  it("puts a rule's own entries after the settings', the first match deciding", () => {
    const context = contextWith({ 'error-handling': { handlerCallees: [{ name: 'tryThat', argument: 1 }] } });
    const combined = getHandlerCallees(context, [{ name: 'tryThat', argument: 0 }, 'retry']);
    expect(combined.callbackIndex(firstCall('tryThat(exec, onError);'))).toBe(1);
    expect(combined.callbackIndex(firstCall('retry(task, 3, onError);'))).toBe(2);
    expect(getHandlerCallees(contextWith({})).isEmpty).toBe(true);
  });
});

describe('settings in an ESLint config', () => {
  const lint = (settings: unknown): string[] =>
    new Linter({ configType: 'flat' })
      .verify('try { run(); } catch (error) { telemetry.report(error); }', [
        { plugins: { 'error-handling': plugin }, rules: { 'error-handling/no-catch-all-without-rethrow': 'error' }, settings: settings as never },
      ])
      .map((message) => message.messageId ?? '');

  it('are read by the rules', () => {
    expect(lint({})).toEqual(['swallowsEverything']);
    expect(lint({ 'error-handling': { reporters: ['telemetry.report'] } })).toEqual([]);
  });

  it('stop the run with an error that names the bad setting, as a bad rule option does', () => {
    expect(() => lint({ 'error-handling': { reporters: ['telemetry..report'] } })).toThrow(
      /settings\['error-handling'\]\.reporters\[0\] must be a dotted callee pattern/u,
    );
  });

  it('give the same message on every run with the same settings (ESLint prefixes the error it gets)', () => {
    const settings = { 'error-handling': { propagators: 'next' } };
    const message = (): string => settingsProblem(() => lint(settings));
    const first = message();
    expect(first).toMatch(/^Error while loading rule 'error-handling\/no-catch-all-without-rethrow': eslint-plugin-error-handling: settings\['error-handling'\]\.propagators must be an array/u);
    expect(message()).toBe(first);
  });
});
