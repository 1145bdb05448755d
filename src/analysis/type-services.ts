import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ts from 'typescript';

/**
 * Access to the TypeScript checker for one file. Only exists when the file was parsed with type
 * information (typescript-eslint's `projectService` or `project`); every method is safe to call on
 * any node and answers `undefined` instead of throwing.
 */
export interface TypeServices {
  readonly ts: typeof ts;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  toTsNode(node: TSESTree.Node): ts.Node | undefined;
  toEsNode(node: ts.Node): TSESTree.Node | undefined;
  /** The type of an expression, `undefined` when the checker cannot answer. */
  typeOf(node: TSESTree.Node): ts.Type | undefined;
  /** The symbol at a node, with import aliases resolved. */
  symbolOf(node: TSESTree.Node): ts.Symbol | undefined;
  /**
   * The possible result types of a call, read from its callee's declared signatures without resolving
   * the call (which type-checks every argument and infers type arguments, the costly part of typing
   * a call). `undefined` when that cannot decide: not a plain call, or a result that is itself a type
   * parameter, `this`, a conditional type, `any` or `unknown` (in a union too). Ask `typeOf` then.
   * Several overloads give several types; type arguments inside a result stay uninstantiated.
   */
  declaredResultTypes(node: TSESTree.Node): readonly ts.Type[] | undefined;
  /**
   * The call signatures a call's callee declares (of its type without `null`/`undefined`), without
   * resolving the call; `undefined` for `super(…)`, a union-typed callee, or a callee the checker
   * cannot type.
   */
  declaredSignatures(node: TSESTree.CallExpression): readonly ts.Signature[] | undefined;
}

interface NodeMaps {
  esTreeNodeToTSNodeMap: { get(key: TSESTree.Node): ts.Node | undefined };
  tsNodeToESTreeNodeMap: { get(key: ts.Node): TSESTree.Node | undefined };
}

type LooseParserServices = Partial<NodeMaps> & { program?: ts.Program | null };

let typescriptModule: typeof ts | null | undefined;

/**
 * Loads `typescript` on first use. A plain JavaScript project that lints with ESLint's default
 * parser never reaches this, so it does not need TypeScript installed.
 */
function loadTypeScript(): typeof ts | undefined {
  if (typescriptModule === undefined) {
    try {
      typescriptModule = createRequire(import.meta.url)('typescript') as typeof ts;
    } catch {
      typescriptModule = null;
    }
  }
  return typescriptModule ?? undefined;
}

const servicesCache = new WeakMap<TSESLint.SourceCode, TypeServices | null>();

function createTypeServices(parserServices: LooseParserServices | undefined): TypeServices | null {
  const program = parserServices?.program;
  const esToTs = parserServices?.esTreeNodeToTSNodeMap;
  const tsToEs = parserServices?.tsNodeToESTreeNodeMap;
  if (!program || typeof esToTs?.get !== 'function' || typeof tsToEs?.get !== 'function') return null;
  const typescript = loadTypeScript();
  if (!typescript) return null;
  let checker: ts.TypeChecker;
  try {
    checker = program.getTypeChecker();
  } catch {
    return null;
  }

  const toTsNode = (node: TSESTree.Node): ts.Node | undefined => {
    try {
      return esToTs.get(node);
    } catch {
      return undefined;
    }
  };
  // Several rules ask about the same nodes of a handler (a call in a catch block is a promise for one,
  // a reporter for another, an assertion for a third): each answer is kept for the file's lifetime.
  const memo = <T>(compute: (node: TSESTree.Node) => T): ((node: TSESTree.Node) => T) => {
    const answers = new Map<TSESTree.Node, T>();
    return (node) => {
      if (answers.has(node)) return answers.get(node) as T;
      const answer = compute(node);
      answers.set(node, answer);
      return answer;
    };
  };
  const typeOf = memo((node): ts.Type | undefined => {
    const tsNode = toTsNode(node);
    if (!tsNode) return undefined;
    try {
      return checker.getTypeAtLocation(tsNode);
    } catch {
      return undefined;
    }
  });
  const declaredSignatures = memo((node): readonly ts.Signature[] | undefined => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type === AST_NODE_TYPES.Super) return undefined;
    const calleeType = typeOf(node.callee);
    if (!calleeType) return undefined;
    try {
      // `a?.b()` and `f?.()`: the callee's type includes the `undefined` the chain stops at.
      const callable = checker.getNonNullableType(calleeType);
      return callable.isUnion() ? undefined : callable.getCallSignatures();
    } catch {
      return undefined;
    }
  });
  const dependent = typescript.TypeFlags.Instantiable | typescript.TypeFlags.Any | typescript.TypeFlags.Unknown;
  const declaredResultTypes = memo((node): readonly ts.Type[] | undefined => {
    const signatures = declaredSignatures(node);
    // A generic signature's declared result still decides when it does not hang on a type parameter
    // at the top (`Promise<T>` is a promise whatever T is; a bare `T` gives up below).
    if (!signatures || signatures.length === 0) return undefined;
    try {
      const results = signatures.map((signature) => checker.getReturnTypeOfSignature(signature));
      return results.some((result) => (result.isUnion() ? result.types : [result]).some((member) => member.flags & dependent)) ? undefined : results;
    } catch {
      return undefined;
    }
  });
  const symbolOf = memo((node): ts.Symbol | undefined => {
    const tsNode = toTsNode(node);
    if (!tsNode) return undefined;
    try {
      const symbol = checker.getSymbolAtLocation(tsNode);
      if (symbol && symbol.flags & typescript.SymbolFlags.Alias) return checker.getAliasedSymbol(symbol);
      return symbol;
    } catch {
      return undefined;
    }
  });
  return {
    ts: typescript,
    program,
    checker,
    toTsNode,
    toEsNode(node) {
      try {
        return tsToEs.get(node);
      } catch {
        return undefined;
      }
    },
    typeOf,
    declaredResultTypes,
    declaredSignatures,
    symbolOf,
  };
}

/**
 * The type services for the file being linted, or `undefined` when it has no type information
 * (ESLint's default parser, or typescript-eslint's parser without a project). Never throws.
 */
export function getTypeServices(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TypeServices | undefined {
  const sourceCode = context.sourceCode;
  let services = servicesCache.get(sourceCode);
  if (services === undefined) {
    services = createTypeServices(sourceCode.parserServices);
    servicesCache.set(sourceCode, services);
  }
  return services ?? undefined;
}
