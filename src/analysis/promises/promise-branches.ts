import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable, getMethodName, isTypeWrapper, skipWrappers } from '../../util/ast.js';

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
 * The rejection handler `call` attaches (`p.catch(…)`, `p.then(ok, …)`) settles only its own branch
 * when the promise is a variable that the code also awaits, returns or passes on elsewhere:
 * `p.catch(() => {}); … return p;` marks the branch as handled (no unhandled-rejection warning)
 * while the rejection still reaches whoever consumes `p`. True in that case.
 */
export function isRejectionObservedElsewhere(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipWrappers(callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context.sourceCode, receiver);
  if (!variable || variable.defs.length === 0) return false;
  return variable.references.some((reference) => reference.identifier !== receiver && reference.isRead() && passesRejectionOn(reference.identifier));
}
