import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable, getMethodName, getStaticMemberName, isTypeWrapper, skipWrappers, walkNodes } from '../../util/ast.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Is `call` a `.catch(cb)` or `.then(ok, cb)`: a handler that settles its own branch of the promise? */
function handlesRejection(call: TSESTree.CallExpression): boolean {
  const method = getMethodName(call);
  return method === 'catch' || (method === 'then' && call.arguments.length >= 2);
}

/**
 * Does this read of a promise variable pass the promise's rejection on to someone? Awaiting it,
 * returning or yielding it, giving it to a call (`Promise.race([p, timeout])`, `abortable(p)`),
 * storing it, or chaining `.then(onFulfilled)` / `.finally(…)` on it (their promise rejects too).
 * Attaching another rejection handler, comparing it (`p != null`) or reading it as a condition do not.
 */
function passesRejectionOn(identifier: TSESTree.Node): boolean {
  let node: TSESTree.Node = identifier;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    // `as`, `!`, `satisfies` and `<T>` leave the value as it is.
    if (isTypeWrapper(parent)) {
      node = parent;
      continue;
    }
    switch (parent.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
        node = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === node) return false;
        node = parent;
        continue;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === node;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.callee !== node;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === node;
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === node;
      case AST_NODE_TYPES.Property:
        return parent.value === node;
      case AST_NODE_TYPES.MemberExpression: {
        const call = parent.parent;
        if (parent.object !== node || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return false;
        const method = getMethodName(call);
        return (method === 'then' || method === 'finally') && !handlesRejection(call);
      }
      default:
        return false;
    }
  }
}

/**
 * A read of the promise that hands its rejection to a function from outside: `p.catch(reject)` with the
 * `reject` of a promise executor, `p.then(onFulfilled, onRejected)` with the caller's callbacks.
 */
function forwardsRejection(sourceCode: TSESLint.SourceCode, read: TSESTree.Node): boolean {
  const member = read.parent;
  const call = member?.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== read || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
  const method = getMethodName(call);
  const handler = method === 'catch' ? call.arguments[0] : method === 'then' ? call.arguments[1] : undefined;
  return handler?.type === AST_NODE_TYPES.Identifier && findVariable(sourceCode, handler)?.defs[0]?.type === DefinitionType.Parameter;
}

/** Does some read of `variable` other than `except` pass the promise's rejection on? */
function someReadPassesOn(variable: TSESLint.Scope.Variable, except: TSESTree.Node): boolean {
  return variable.references.some((reference) => reference.identifier !== except && reference.isRead() && passesRejectionOn(reference.identifier));
}

/**
 * `for (const p of promises) p.catch(…)`: each element is also a promise of the array, which the code
 * may pass on whole (`await Promise.allSettled(promises)`).
 */
function isElementOfPassedArray(sourceCode: TSESLint.SourceCode, variable: TSESLint.Scope.Variable): boolean {
  const declaration = variable.defs[0]?.parent;
  const loop = declaration?.parent;
  if (variable.defs.length !== 1 || loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.left !== declaration || loop.right.type !== AST_NODE_TYPES.Identifier) return false;
  const array = findVariable(sourceCode, loop.right);
  return array !== null && someReadPassesOn(array, loop.right);
}

type PropertyRead = TSESTree.MemberExpression & { readonly property: TSESTree.Identifier };

/** `a.b.c` made of names only (rooted at `this` or a variable): a promise an object holds, not one a call makes. */
function isStoredPromise(node: TSESTree.Node): node is PropertyRead {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && current.property.type === AST_NODE_TYPES.Identifier) current = current.object;
  return current !== node && (current.type === AST_NODE_TYPES.ThisExpression || current.type === AST_NODE_TYPES.Identifier);
}

const propertyReads = new WeakMap<TSESLint.SourceCode, Map<string, PropertyRead[]>>();

/** The reads of properties named `name` in the file, found in one walk per file. */
function readsOf(sourceCode: TSESLint.SourceCode, name: string): readonly PropertyRead[] {
  let byName = propertyReads.get(sourceCode);
  if (!byName) {
    const found = new Map<string, PropertyRead[]>();
    walkNodes(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
        const list = found.get(node.property.name) ?? [];
        list.push(node as PropertyRead);
        found.set(node.property.name, list);
      }
      return undefined;
    });
    propertyReads.set(sourceCode, found);
    byName = found;
  }
  return byName.get(name) ?? [];
}

function enclosingClass(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return undefined;
}

/** Without type information: the same names from the same variable, or from `this` in the same class. */
function sameChain(sourceCode: TSESLint.SourceCode, a: TSESTree.Node, b: TSESTree.Node): boolean {
  if (a.type === AST_NODE_TYPES.MemberExpression && b.type === AST_NODE_TYPES.MemberExpression) {
    return getStaticMemberName(a) === getStaticMemberName(b) && sameChain(sourceCode, a.object, b.object);
  }
  if (a.type === AST_NODE_TYPES.ThisExpression && b.type === AST_NODE_TYPES.ThisExpression) return enclosingClass(a) === enclosingClass(b);
  return a.type === AST_NODE_TYPES.Identifier && b.type === AST_NODE_TYPES.Identifier && findVariable(sourceCode, a) === findVariable(sourceCode, b) && findVariable(sourceCode, a) !== null;
}

/**
 * A promise an object holds (`this.ready`, `scope.cancelRequested`) is observed elsewhere when the file
 * reads the same property again and passes the rejection on there. With type information "the same
 * property" is the same declaration, on any object of the class; without, the same chain of names.
 */
function isPropertyObservedElsewhere(context: Context, receiver: PropertyRead): boolean {
  const sourceCode = context.sourceCode;
  const services = getTypeServices(context);
  const symbol = services?.symbolOf(receiver.property);
  return readsOf(sourceCode, receiver.property.name).some((read) => {
    if (read === receiver) return false;
    const same = symbol ? services?.symbolOf(read.property) === symbol : sameChain(sourceCode, read, receiver);
    return same && (passesRejectionOn(read) || forwardsRejection(sourceCode, read));
  });
}

/**
 * The rejection handler `call` attaches (`p.catch(…)`, `p.then(ok, …)`) settles only its own branch
 * when the promise is a variable that the code also awaits, returns or passes on elsewhere:
 * `p.catch(() => {}); … return p;` marks the branch as handled (no unhandled-rejection warning)
 * while the rejection still reaches whoever consumes `p`. True in that case, and for an element of an
 * array passed on so (`for (const p of promises) p.catch(…); await Promise.allSettled(promises)`), and
 * for a promise an object holds that the file passes on elsewhere (`isPropertyObservedElsewhere`).
 */
export function isRejectionObservedElsewhere(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipWrappers(callee.object);
  if (isStoredPromise(receiver)) return isPropertyObservedElsewhere(context, receiver);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context.sourceCode, receiver);
  if (!variable || variable.defs.length === 0) return false;
  return someReadPassesOn(variable, receiver) || isElementOfPassedArray(context.sourceCode, variable);
}
