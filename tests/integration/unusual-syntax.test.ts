// Syntax the parser accepts but a rule's author may not have thought of (decorators, `accessor`,
// `using` / `await using`, labelled blocks, generators, class static blocks, `#private`, JSX,
// `satisfies`, optional catch binding, destructured catch parameters, top-level await) must never
// crash a rule. Every rule of the plugin runs on such files, typed and untyped; a probe rule also
// asks the shared analysis layer its questions about every handler, so the test has teeth before
// the rules exist and keeps them after.
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROPAGATORS,
  DEFAULT_REPORTERS,
  getErrorFlow,
  getHandlerErrorReferences,
  getNarrowing,
} from '../../src/analysis/flow/error-flow.js';
import { getErrorHierarchy } from '../../src/analysis/errors/error-hierarchy.js';
import type { ErrorHandler } from '../../src/analysis/handlers/handlers.js';
import {
  getCatchClauseHandler,
  getEnclosingHandler,
  getPromiseHandler,
  isEmptyHandler,
  isPromiseResultDiscarded,
  PROMISE_HANDLER_CALL_SELECTOR,
} from '../../src/analysis/handlers/handlers.js';
import { getRejectionHandling, isPromiseValued, isThenable } from '../../src/analysis/promises/promises.js';
import plugin from '../../src/index.js';
import { compileCalleePatterns } from '../../src/util/callee-pattern.js';

const fixtureDir = path.join(import.meta.dirname, '..', 'fixtures', 'unusual-syntax');
const flowOptions = { reporters: compileCalleePatterns(DEFAULT_REPORTERS), propagators: compileCalleePatterns(DEFAULT_PROPAGATORS) };

/** Handlers the probe analysed, per file, for the mode being linted. */
const analysed = new Map<string, { catchClauses: number; promiseHandlers: number }>();

const analysisProbe = {
  meta: { type: 'problem', schema: [], messages: {} },
  create(context) {
    const hierarchy = getErrorHierarchy(context);
    const counts = { catchClauses: 0, promiseHandlers: 0 };
    analysed.set(path.basename(context.filename), counts);
    const analyse = (handler: ErrorHandler): void => {
      isEmptyHandler(context, handler);
      const references = getHandlerErrorReferences(context, handler);
      const flow = getErrorFlow(context, handler, flowOptions);
      for (const test of flow.narrowingTests) getNarrowing(references, test);
    };
    const classify = (expression: TSESTree.Node): void => {
      const cls = hierarchy.classOfConstructor(expression);
      if (!cls) return;
      hierarchy.isErrorClass(cls);
      hierarchy.hasCustomInstanceCheck(cls);
      if (hierarchy.errorClass) hierarchy.superclassPath(cls, hierarchy.errorClass);
    };
    return {
      CatchClause(node: TSESTree.CatchClause) {
        counts.catchClauses += 1;
        analyse(getCatchClauseHandler(context, node));
      },
      [PROMISE_HANDLER_CALL_SELECTOR](call: TSESTree.CallExpression) {
        isPromiseResultDiscarded(call);
        const handler = getPromiseHandler(context, call);
        if (!handler) return;
        counts.promiseHandlers += 1;
        analyse(handler);
      },
      'ThrowStatement, ReturnStatement, BreakStatement, ContinueStatement, YieldExpression, AwaitExpression, JSXElement'(
        node: TSESTree.Node,
      ) {
        getEnclosingHandler(context, node, { includeFinally: true });
      },
      CallExpression(call: TSESTree.CallExpression) {
        isThenable(context, call);
        isPromiseValued(context, call);
        getRejectionHandling(call);
        hierarchy.classesOfTypePredicate(call, 0);
      },
      NewExpression(node: TSESTree.NewExpression) {
        classify(node.callee);
      },
      'BinaryExpression[operator="instanceof"]'(node: TSESTree.BinaryExpression) {
        classify(node.right);
      },
    };
  },
} satisfies TSESLint.RuleModule<never>;

const ourRules = Object.keys(plugin.rules).map((name) => `error-handling/${name}`);

function configFor(typed: boolean): Linter.Config[] {
  return [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: {
        parser: tsParser,
        parserOptions: typed ? { project: ['./tsconfig.json'], tsconfigRootDir: fixtureDir } : {},
      },
    },
    {
      files: ['**/*.js', '**/*.jsx'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
        globals: { console: 'readonly', process: 'readonly' },
      },
    },
    {
      plugins: { 'error-handling': plugin, analysis: { rules: { probe: analysisProbe as never } } },
      rules: { ...Object.fromEntries(ourRules.map((rule) => [rule, 'error'])), 'analysis/probe': 'error' },
    },
  ];
}

// [file, typed, catch clauses, promise handlers the analysis accepts]
const cases: [string, boolean, number, number][] = [
  ['syntax.ts', true, 12, 4],
  ['syntax.ts', false, 12, 4],
  ['component.tsx', true, 2, 1],
  ['component.tsx', false, 2, 1],
  ['plain.js', false, 4, 3],
  ['view.jsx', false, 1, 1],
];

describe('every rule on unusual syntax', () => {
  it.each(cases)('%s (typed: %s) lints without a crash', async (file, typed, catchClauses, promiseHandlers) => {
    const eslint = new ESLint({ cwd: fixtureDir, overrideConfigFile: true, overrideConfig: configFor(typed) });
    const filePath = path.join(fixtureDir, file);

    const config = (await eslint.calculateConfigForFile(filePath)) as Linter.Config;
    const enabled = Object.entries(config.rules ?? {})
      .filter(([rule, entry]) => rule.startsWith('error-handling/') && (Array.isArray(entry) ? entry[0] : entry) === 2)
      .map(([rule]) => rule);
    expect(enabled.sort()).toEqual([...ourRules].sort());

    // A rule that throws makes lintFiles reject, naming the rule and the line.
    const [result] = await eslint.lintFiles([filePath]);
    expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
    expect(result?.messages.filter((message) => !message.ruleId?.startsWith('error-handling/'))).toEqual([]);
    expect(analysed.get(file)).toEqual({ catchClauses, promiseHandlers });
  });
});
