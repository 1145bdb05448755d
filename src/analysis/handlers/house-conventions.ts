import type { JSONSchema4ArraySchema } from '@typescript-eslint/utils/json-schema';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getCalleePath } from '../../util/ast.js';
import type { CalleeMatcher } from '../../util/callee-pattern.js';
import { compileCalleePatterns } from '../../util/callee-pattern.js';

/**
 * The conventions of the code under lint: which calls report an error, which hand it on, and which
 * of the codebase's own helpers take an error callback. Each comes from three places, combined the
 * same way for every rule (docs/settings.md):
 * - the built-in defaults below;
 * - `settings['error-handling']` of the ESLint config, shared by every rule, which always adds to them;
 * - a rule's own option of the same name, which replaces the built-in list for that rule only (the
 *   settings are still added to it).
 */

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The key of the plugin's entry in ESLint's `settings`. */
export const SETTINGS_KEY = 'error-handling';

/**
 * Calls that report an error when given the error object: loggers at error and warning level
 * (`logger.error(e)`), error trackers and APM agents (the table on docs/settings.md cites each API),
 * `reportError(e)` and its variants (`reportInternalError({ error })`), and warning collections
 * (`module.addWarning(e)`).
 */
export const DEFAULT_REPORTERS: readonly string[] = [
  'console.error',
  'console.warn',
  '*.error',
  '*.warn',
  '*.fatal',
  '*.critical',
  '*.exception',
  // Sentry, LogRocket; OpenTelemetry spans; Bugsnag, Honeybadger, Airbrake.
  '*.captureException',
  '*.recordException',
  '*.notify',
  // Azure Application Insights, New Relic, Elastic APM, Datadog RUM, TrackJS, Raygun.
  '*.trackException',
  '*.noticeError',
  '*.captureError',
  'datadogRum.addError',
  'TrackJS.track',
  'Raygun.send',
  'raygun*.send',
  'report*Error',
  'add*Warning',
];

/**
 * Calls that hand the error on to someone who will handle it: Node-style callbacks (`next(e)`,
 * `callback(e)`, `innerCallback(e)`), a promise's `reject` under any name (`this._rejecter(e)`), event
 * emitters and streams (`emitter.emit('error', e)`, `stream.destroy(e)`), error-handling functions by
 * their conventional names (`onError(e)`, `handleError(e)`, `errorHandler(e)`), and error state and
 * collections (`setLoadError(e)`, `validation.addError(path, e)`, `doc.invalidate(path, e)`), and a
 * transaction rolled back with the error, whose promise then rejects with it (knex's `trx.rollback(e)`).
 */
export const DEFAULT_PROPAGATORS: readonly string[] = [
  'next',
  'callback',
  '*callback',
  '*Callback',
  'cb',
  'done',
  'reject',
  '*reject*',
  '*Reject',
  '*.emit',
  '*.destroy',
  'on*Error',
  'handle*Error',
  'errorHandler',
  '*ErrorHandler',
  'set*Error',
  'add*Error',
  '*.invalidate',
  '*.rollback',
];

/** A dotted callee pattern: segments of at least one character, `*` globs allowed (`*.error`, `set*Error`). */
const CALLEE_PATTERN_SOURCE = '^[^.]+(\\.[^.]+)*$';
const CALLEE_PATTERN = new RegExp(CALLEE_PATTERN_SOURCE, 'u');

/** The JSON schema of a list of callee patterns, shared by every option that takes them. */
export const CALLEE_PATTERNS_SCHEMA = {
  type: 'array',
  items: { type: 'string', minLength: 1, pattern: CALLEE_PATTERN_SOURCE },
  uniqueItems: true,
} as const;

/** The JSON schema of the `reporters` option, shared by every rule that takes it. */
export const REPORTERS_SCHEMA = {
  ...CALLEE_PATTERNS_SCHEMA,
  description:
    'Callee patterns of calls that report the error when given the error object (or an object literal holding it), such as "*.error" or "Sentry.captureException". Replaces the built-in list for this rule; `settings["error-handling"].reporters` still apply.',
} as const;

/** The JSON schema of the `propagators` option. */
export const PROPAGATORS_SCHEMA = {
  ...CALLEE_PATTERNS_SCHEMA,
  description:
    'Callee patterns of calls that hand the error on when given it, such as "next" or "*.emit". Replaces the built-in list for this rule; `settings["error-handling"].propagators` still apply.',
} as const;

/** The JSON schema of a list of handler callees: `"bus.onError"` or `{ "name": "tryThat", "argument": 1 }`. */
export const HANDLER_CALLEES_SCHEMA: JSONSchema4ArraySchema = {
  type: 'array',
  items: {
    anyOf: [
      { type: 'string', minLength: 1, pattern: CALLEE_PATTERN_SOURCE },
      {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, pattern: CALLEE_PATTERN_SOURCE, description: 'The callee pattern of the helper, such as "tryThat".' },
          argument: { type: 'integer', minimum: 0, description: 'The index of the error callback among the arguments (0 for the first); the last argument when absent.' },
        },
        required: ['name'],
        additionalProperties: false,
      },
    ],
  },
  uniqueItems: true,
};

/**
 * A helper of the codebase that calls one of its arguments with an error: `tryThat(exec, (error) => …)`.
 * `name` is a callee pattern; `argument` is the index of the error callback (the last argument when absent).
 * The callback receives the error as its first parameter.
 */
export interface HandlerCallee {
  readonly name: string;
  readonly argument?: number;
}

/** A handler callee as written in settings or options: a callee pattern, or `{ name, argument }`. */
export type HandlerCalleeEntry = string | HandlerCallee;

/** The validated `settings['error-handling']`. */
export interface HouseSettings {
  readonly reporters: readonly string[];
  readonly propagators: readonly string[];
  readonly handlerCallees: readonly HandlerCallee[];
}

const EMPTY_SETTINGS: HouseSettings = Object.freeze({ reporters: [], propagators: [], handlerCallees: [] });
const SETTING_NAMES: readonly string[] = ['reporters', 'propagators', 'handlerCallees', 'peerRules'];

/** A setting that cannot be used; thrown when a rule starts, as ESLint does for a bad rule option. */
export class HouseSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HouseSettingsError';
  }
}

function settingError(path: string, problem: string): HouseSettingsError {
  return new HouseSettingsError(`eslint-plugin-error-handling: settings['${SETTINGS_KEY}']${path} ${problem} (see docs/settings.md).`);
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    default:
      return typeof value === 'symbol' ? 'a symbol' : 'an object';
  }
}

function readPattern(value: unknown, path: string): string {
  if (typeof value !== 'string' || !CALLEE_PATTERN.test(value)) {
    throw settingError(path, `must be a dotted callee pattern such as "*.error" or "telemetry.report", not ${describeValue(value)}`);
  }
  return value;
}

function readPatterns(value: unknown, path: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw settingError(path, `must be an array of callee patterns, not ${describeValue(value)}`);
  return value.map((item, index) => readPattern(item, `${path}[${String(index)}]`));
}

function readHandlerCallee(value: unknown, path: string): HandlerCallee {
  if (typeof value === 'string') return { name: readPattern(value, path) };
  if (!isPlainObject(value)) {
    throw settingError(path, `must be a callee pattern or an object such as { name: 'tryThat', argument: 1 }, not ${describeValue(value)}`);
  }
  const unknown = Object.keys(value).find((key) => key !== 'name' && key !== 'argument');
  if (unknown !== undefined) throw settingError(`${path}.${unknown}`, 'is not a known property: use `name` and `argument`');
  const name = readPattern(value.name, `${path}.name`);
  const argument = value.argument;
  if (argument === undefined) return { name };
  if (typeof argument !== 'number' || !Number.isInteger(argument) || argument < 0) {
    throw settingError(`${path}.argument`, `must be the index of the callback argument (0 for the first), not ${describeValue(argument)}`);
  }
  return { name, argument };
}

/** Validates the plugin's settings; throws a `HouseSettingsError` that names the offending setting. */
export function parseHouseSettings(settings: unknown): HouseSettings {
  if (settings === undefined) return EMPTY_SETTINGS;
  if (!isPlainObject(settings)) throw settingError('', `must be an object, not ${describeValue(settings)}`);
  const unknown = Object.keys(settings).find((key) => !SETTING_NAMES.includes(key));
  if (unknown !== undefined) {
    throw settingError(`.${unknown}`, `is not a setting of this plugin: the settings are ${SETTING_NAMES.join(', ')}`);
  }
  // `peerRules` is written by the companion configs and read by peer-rules.ts; only its shape is checked here.
  const peerRules = settings.peerRules;
  if (peerRules !== undefined && (!isPlainObject(peerRules) || Object.values(peerRules).some((on) => typeof on !== 'boolean'))) {
    throw settingError('.peerRules', `must be an object of rule ids to true or false, not ${describeValue(peerRules)}`);
  }
  const handlerCallees = settings.handlerCallees;
  if (handlerCallees !== undefined && !Array.isArray(handlerCallees)) {
    throw settingError('.handlerCallees', `must be an array, not ${describeValue(handlerCallees)}`);
  }
  return Object.freeze({
    reporters: readPatterns(settings.reporters, '.reporters'),
    propagators: readPatterns(settings.propagators, '.propagators'),
    handlerCallees: (handlerCallees ?? []).map((entry: unknown, index) => readHandlerCallee(entry, `.handlerCallees[${String(index)}]`)),
  });
}

/** Settings validated, or the message of what is wrong with them. */
const settingsCache = new WeakMap<object, HouseSettings | { readonly problem: string }>();

/**
 * The house settings of the file being linted, validated once per settings object. Bad settings
 * throw a fresh error every time (ESLint prefixes the message of the error it is given).
 */
export function getHouseSettings(context: Context): HouseSettings {
  const all: unknown = context.settings;
  if (!isPlainObject(all)) return EMPTY_SETTINGS;
  let parsed = settingsCache.get(all);
  if (!parsed) {
    try {
      parsed = parseHouseSettings(all[SETTINGS_KEY]);
    } catch (error) {
      if (!(error instanceof HouseSettingsError)) throw error;
      parsed = { problem: error.message };
    }
    settingsCache.set(all, parsed);
  }
  if ('problem' in parsed) throw new HouseSettingsError(parsed.problem);
  return parsed;
}

const combinedMatchers = new Map<string, CalleeMatcher>();

/** A matcher for the union of two pattern lists, shared by every file and rule with the same lists. */
function combine(base: readonly string[], added: readonly string[]): CalleeMatcher {
  if (added.length === 0) return compileCalleePatterns(base);
  const patterns = [...new Set([...base, ...added])];
  const key = patterns.join('\n');
  let matcher = combinedMatchers.get(key);
  if (!matcher) {
    matcher = compileCalleePatterns(patterns);
    combinedMatchers.set(key, matcher);
  }
  return matcher;
}

/** What the rules need to follow an error: which calls report it and which hand it on. */
export interface CalleeConventions {
  readonly reporters: CalleeMatcher;
  readonly propagators: CalleeMatcher;
}

const conventionsCache = new WeakMap<CalleeMatcher, WeakMap<CalleeMatcher, CalleeConventions>>();

/**
 * The reporters and propagators for a rule: its own option lists (the built-in defaults when it has
 * none) plus those of the settings. The same lists give the same object, so analyses cached per
 * conventions object are shared by every file.
 */
export function getCalleeConventions(
  context: Context,
  options: { readonly reporters?: readonly string[]; readonly propagators?: readonly string[] } = {},
): CalleeConventions {
  const settings = getHouseSettings(context);
  const reporters = combine(options.reporters ?? DEFAULT_REPORTERS, settings.reporters);
  const propagators = combine(options.propagators ?? DEFAULT_PROPAGATORS, settings.propagators);
  let byPropagators = conventionsCache.get(reporters);
  if (!byPropagators) {
    byPropagators = new WeakMap();
    conventionsCache.set(reporters, byPropagators);
  }
  let conventions = byPropagators.get(propagators);
  if (!conventions) {
    conventions = Object.freeze({ reporters, propagators });
    byPropagators.set(propagators, conventions);
  }
  return conventions;
}

/** Which argument of a call, if any, is an error callback by the house conventions. */
export interface HandlerCalleeMatcher {
  /** The index of the call's error-callback argument, or undefined when the call is not a handler callee. */
  callbackIndex(call: TSESTree.CallExpression): number | undefined;
  /** True when no callee is configured (rules skip the work). */
  readonly isEmpty: boolean;
}

interface CompiledHandlerCallee {
  readonly matcher: CalleeMatcher;
  readonly argument: number | undefined;
}

const handlerMatcherCache = new Map<string, HandlerCalleeMatcher>();

/** Compiles handler callees once per distinct list. */
export function compileHandlerCallees(entries: readonly HandlerCalleeEntry[]): HandlerCalleeMatcher {
  const callees = normalizeHandlerCallees(entries);
  const key = JSON.stringify(callees);
  let matcher = handlerMatcherCache.get(key);
  if (matcher) return matcher;
  const compiled: CompiledHandlerCallee[] = callees.map((callee) => ({ matcher: compileCalleePatterns([callee.name]), argument: callee.argument }));
  matcher = {
    isEmpty: compiled.length === 0,
    callbackIndex(call) {
      if (compiled.length === 0 || call.arguments.length === 0) return undefined;
      const path = getCalleePath(call.callee);
      const entry = compiled.find((candidate) => candidate.matcher.matches(path));
      if (!entry) return undefined;
      const index = entry.argument ?? call.arguments.length - 1;
      const argument = call.arguments[index];
      return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? index : undefined;
    },
  };
  handlerMatcherCache.set(key, matcher);
  return matcher;
}

/** `"bus.onError"` → `{ name: "bus.onError" }`. */
export function normalizeHandlerCallees(entries: readonly HandlerCalleeEntry[]): HandlerCallee[] {
  return entries.map((entry) => (typeof entry === 'string' ? { name: entry } : entry));
}

const ruleHandlerCallees = new WeakMap<HouseSettings, WeakMap<readonly HandlerCalleeEntry[], HandlerCalleeMatcher>>();
const NO_ENTRIES: readonly HandlerCalleeEntry[] = [];

/**
 * The handler callees for a rule: those of the settings, then the rule's own (a rule's entries are
 * added; the first entry whose name matches a call decides which argument is the callback). Cached
 * per settings and per options list: handlers are looked up on hot paths.
 */
export function getHandlerCallees(context: Context, ruleEntries: readonly HandlerCalleeEntry[] = NO_ENTRIES): HandlerCalleeMatcher {
  const settings = getHouseSettings(context);
  let byEntries = ruleHandlerCallees.get(settings);
  if (!byEntries) {
    byEntries = new WeakMap();
    ruleHandlerCallees.set(settings, byEntries);
  }
  let matcher = byEntries.get(ruleEntries);
  if (!matcher) {
    matcher = compileHandlerCallees([...settings.handlerCallees, ...ruleEntries]);
    byEntries.set(ruleEntries, matcher);
  }
  return matcher;
}
