// What the `cause` of an options object literal is, as the engine reads it: object literals define
// their properties in order, so a later definition of a key replaces an earlier one, and a getter
// and a setter of the same key combine into one accessor.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { VisitorKeys } from '../../util/ast.js';
import { findVariable, getChildNodes, isDeferredBoundary, skipTypeWrappers } from '../../util/ast.js';
import { getTypeServices } from '../type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The static name of a property key: `cause`, `'cause'`, `['cause']`, `` [`cause`] ``. */
export function getStaticKeyName(property: TSESTree.Property): string | undefined {
  const key = property.key;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * A later property of the same object literal defines the same static key again, so this one's
 * value is gone: `{ cause: error, cause: other }` keeps `other`.
 */
export function isOverriddenProperty(property: TSESTree.Property): boolean {
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const name = getStaticKeyName(property);
  if (name === undefined) return false;
  const index = object.properties.indexOf(property);
  return object.properties.slice(index + 1).some((later) => later.type === AST_NODE_TYPES.Property && getStaticKeyName(later) === name);
}

/**
 * What `cause` reads after one more property named `cause` is defined: an initialiser or a method
 * replaces what was there; a getter does too; a setter joins a getter defined just before it (the
 * getter still decides the value) and otherwise leaves an accessor that reads `undefined`.
 */
export function nextCauseDefinition(current: TSESTree.Property | undefined, property: TSESTree.Property): TSESTree.Property {
  if (property.kind === 'set' && current?.kind === 'get') return current;
  return property;
}

/** How the `cause` property is defined: a plain value (`cause: x`, `{ cause }`), a method, a getter, or only a setter. */
export function causeDefinitionKind(property: TSESTree.Property): 'value' | 'method' | 'getter' | 'setter' {
  if (property.kind === 'get') return 'getter';
  if (property.kind === 'set') return 'setter';
  return property.method ? 'method' : 'value';
}

/** The values a getter returns: the arguments of the `return` statements of its own body (not of functions nested in it). */
export function getterReturnValues(property: TSESTree.Property, visitorKeys: VisitorKeys): TSESTree.Expression[] {
  const fn = property.value;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression) return [];
  const values: TSESTree.Expression[] = [];
  const pending: TSESTree.Node[] = [fn.body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) values.push(node.argument);
      continue;
    }
    for (const child of getChildNodes(node, visitorKeys)) if (!isDeferredBoundary(child)) pending.push(child);
  }
  return values;
}

/**
 * Could the computed key of `property` (`{ [key]: value }`, a key whose name is not written out) be
 * `cause`? With type information: when its type admits the string `'cause'` (`string`, `any`, a
 * union or template literal type that includes it). Without: unless it is a `const` initialised with
 * another string or a number. A key that is provably something else never hides the cause.
 */
export function computedKeyMayBeCause(context: Context, property: TSESTree.Property): boolean {
  const key = skipTypeWrappers(property.key);
  if (key.type === AST_NODE_TYPES.Literal) return key.value === 'cause';
  const services = getTypeServices(context);
  if (!services) {
    if (key.type !== AST_NODE_TYPES.Identifier) return true;
    const def = findVariable(context.sourceCode, key)?.defs[0];
    const declarator = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node : undefined;
    const init = declarator?.parent.kind === 'const' && declarator.init ? skipTypeWrappers(declarator.init) : undefined;
    return init?.type !== AST_NODE_TYPES.Literal || init.value === 'cause';
  }
  const type = services.typeOf(key);
  if (!type) return true;
  const { TypeFlags } = services.ts;
  return (type.isUnion() ? type.types : [type]).some((part) => {
    if (part.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.String | TypeFlags.TemplateLiteral | TypeFlags.StringMapping)) return true;
    if (part.flags & TypeFlags.Instantiable) return true;
    return part.isStringLiteral() && part.value === 'cause';
  });
}
