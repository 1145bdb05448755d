import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import {
  causeDefinitionKind,
  computedKeyMayBeCause,
  getStaticKeyName,
  getterReturnValues,
  nextCauseDefinition,
} from '../analysis/errors/cause-options.js';
import { lacksCauseParameter, ownConstructorClassName, parameterMayTakeCause } from '../analysis/errors/cause-parameters.js';
import type { CauseDropper, CauseSupport, CaughtErrorSource, ErrorConstruction, ErrorConstructorInfo } from '../analysis/errors/error-construction.js';
import {
  canPassCaughtError,
  carriesError,
  getCauseSupport,
  getErrorConstructorInfo,
  isExplicitlyUndefined,
  isPrimitiveValued,
} from '../analysis/errors/error-construction.js';
import { getErrorFactoryClass } from '../analysis/errors/error-factories.js';
import type { ErrorReferences } from '../analysis/flow/error-flow.js';
import { getErrorReferences } from '../analysis/flow/error-flow.js';
import type { ErrorHandler } from '../analysis/handlers/handlers.js';
import { getEnclosingHandler, getPromiseHandlerOfCallback } from '../analysis/handlers/handlers.js';
import { getExecutorSettlerIndex } from '../analysis/promises/promises.js';
import type { Scope, Variable, VisitorKeys } from '../util/ast.js';
import { findVariable, getStaticMemberName, isFunctionNode, isInside, skipTypeWrappers, skipWrappers } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { quoteSource } from '../util/quote.js';
import { appendArgument, appendProperty, unusedName } from '../util/fix.js';

export type Options = [];
export type MessageIds =
  | 'missingCause'
  | 'missingCauseUnbound'
  | 'wrongCause'
  | 'outerCause'
  | 'destructuredError'
  | 'dropsCause'
  | 'noCauseParameter'
  | 'keepCause';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** The name the caught error goes by at the report site, and how to bind it when the handler does not. */
interface Binding {
  readonly name: string;
  readonly bind: ((fixer: Fixer) => Fix) | undefined;
}

/** One way to put the cause into the construction: an edit, and whether it is safe on save. */
interface CausePlan {
  readonly autofix: boolean;
  /** The edit writes a new `{ … }` object, which must satisfy the options type on its own. */
  readonly newObject: boolean;
  /** What the edit does, for the suggestion's message, given the binding's name. */
  action(name: string): string;
  edit(fixer: Fixer, binding: Binding): Fix[];
}

/** What the arguments say about a cause: `unknown` when it could be hidden where we cannot see. */
type CauseInArguments =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'property'; readonly property: TSESTree.Property };

/** What makes a new error: a constructor, or (with type information) a factory call whose result is one. */
interface Creator extends ErrorConstructorInfo {
  readonly factory: boolean;
}

interface WrongCauseContext {
  readonly className: string;
  readonly variable: Variable | null;
  readonly binding: Binding | undefined;
  readonly plan: CausePlan | undefined;
}

/** The value of `cause` in an object literal written inline (`{ …, cause: error }`), when it is a plain value. */
function inlineCause(node: TSESTree.Node): TSESTree.Node | undefined {
  const value = skipTypeWrappers(node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  let found: TSESTree.Property | undefined;
  for (const property of value.properties) {
    if (property.type === AST_NODE_TYPES.Property && getStaticKeyName(property) === 'cause') found = nextCauseDefinition(found, property);
  }
  return found && causeDefinitionKind(found) === 'value' ? found.value : undefined;
}

function causeProperty(name: string): string {
  return name === 'cause' ? 'cause' : `cause: ${name}`;
}

/** The handler's code: the `catch` block, or the callback of a promise handler. */
function handlerNode(handler: ErrorHandler): TSESTree.Node | undefined {
  return handler.kind === 'catch' ? handler.node : handler.callback;
}

/** `reject(…)` of a promise: `Promise.reject`, `deferred.reject`, `reject` itself, or a `new Promise` executor's second parameter. */
function isRejectCall(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getStaticMemberName(callee) === 'reject';
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  return callee.name === 'reject' || getExecutorSettlerIndex(sourceCode, callee) === 1;
}

/** Where `variable` is bound as the error of a handler (a `catch` parameter or a rejection callback's), if it is. */
function handlerBindingOf(context: Context, variable: Variable): TSESTree.Node | undefined {
  for (const def of variable.defs) {
    if (def.type === DefinitionType.CatchClause) return def.name;
    if (def.type !== DefinitionType.Parameter || !isFunctionNode(def.node) || def.node.params[0] === undefined) continue;
    const first = def.node.params[0];
    const identifier = first.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
    if (identifier === def.name && getPromiseHandlerOfCallback(context, def.node) !== undefined) return def.name;
  }
  return undefined;
}

function fillerText(count: number): string {
  return count === 1 ? '`undefined`' : `${String(count)} \`undefined\` arguments`;
}

/** How the message tells the developer to pass the error on, or to drop it on purpose. */
function howToPass(support: CauseSupport, name: string): { how: string; optOut: string } {
  if (support.kind === 'argument') {
    return support.property === undefined
      ? { how: `it as argument ${String(support.index + 1)}`, optOut: 'pass `undefined` there' }
      : { how: `\`{ ${support.property}: ${name} }\``, optOut: `write \`{ ${support.property}: undefined }\`` };
  }
  return { how: `\`{ ${causeProperty(name)} }\``, optOut: 'write `{ cause: undefined }`' };
}

/**
 * The constructor takes the error itself, and the developer passed `undefined` in its place
 * (`new VError(undefined, …)`, `{ originalError: undefined }`): the explicit "no cause".
 */
function isArgumentOptOut(sourceCode: TSESLint.SourceCode, construction: ErrorConstruction, support: CauseSupport): boolean {
  if (support.kind !== 'argument') return false;
  const slot = construction.arguments[support.index];
  if (!slot) return false;
  if (support.property === undefined) return isExplicitlyUndefined(sourceCode, slot);
  const value = skipTypeWrappers(slot);
  return (
    value.type === AST_NODE_TYPES.ObjectExpression &&
    value.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        getStaticKeyName(property) === support.property &&
        isExplicitlyUndefined(sourceCode, property.value),
    )
  );
}

/** The caught error's name at `site`, or how to bind one when the handler has no binding. */
function bindingAt(sourceCode: TSESLint.SourceCode, handler: ErrorHandler, site: TSESTree.Node): Binding | undefined {
  if (handler.errorVariable) {
    const name = handler.errorVariable.name;
    for (let scope: Scope | null = sourceCode.getScope(site); scope; scope = scope.upper) {
      const variable = scope.set.get(name);
      if (variable) return variable === handler.errorVariable ? { name, bind: undefined } : undefined;
    }
    return undefined;
  }
  if (handler.param) return undefined;
  const owner = handler.kind === 'catch' ? handler.node : handler.callback;
  if (!owner) return undefined;
  const name = unusedName(sourceCode.getScope(owner), 'error');
  if (handler.kind === 'catch') {
    const keyword = sourceCode.getFirstToken(handler.node);
    return keyword ? { name, bind: (fixer) => fixer.insertTextAfter(keyword, ` (${name})`) } : undefined;
  }
  const paren = sourceCode.getFirstToken(owner, { filter: (token) => token.type === AST_TOKEN_TYPES.Punctuator && token.value === '(' });
  return paren ? { name, bind: (fixer) => fixer.insertTextAfter(paren, name) } : undefined;
}

/** `node` reads a variable declared in the handler (its error binding included): it may hold the error. */
function mentionsHandlerVariable(sourceCode: TSESLint.SourceCode, handler: ErrorHandler, node: TSESTree.Node): boolean {
  const owner = handlerNode(handler);
  if (!owner) return true;
  const pending: TSESTree.Node[] = [node];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(sourceCode, current);
      const declaration = variable?.defs[0]?.name;
      if (declaration && isInside(declaration, owner)) return true;
      continue;
    }
    for (const key of sourceCode.visitorKeys[current.type] ?? []) {
      const child = (current as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') pending.push(item as TSESTree.Node);
      }
    }
  }
  return false;
}

/**
 * The object literal an argument stands for: written inline, or the initialiser of a `const`.
 * `opaque` when it may have been given the caught error in a way we do not follow (a `let` of the
 * handler, a call on its variables); `undefined` when it is no object literal and cannot hold the error.
 */
function objectLiteralOf(
  context: Context,
  handler: ErrorHandler,
  argument: TSESTree.Node,
  depth = 0,
): TSESTree.ObjectExpression | 'opaque' | undefined {
  const sourceCode = context.sourceCode;
  const value = skipTypeWrappers(argument);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  if (isPrimitiveValued(context, value) || isExplicitlyUndefined(sourceCode, value)) return undefined;
  if (value.type === AST_NODE_TYPES.Identifier && depth < 4) {
    const def = findVariable(sourceCode, value)?.defs[0];
    const declarator = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node : undefined;
    if (declarator?.init && declarator.parent.kind === 'const') return objectLiteralOf(context, handler, declarator.init, depth + 1);
  }
  return mentionsHandlerVariable(sourceCode, handler, value) ? 'opaque' : undefined;
}

/**
 * Where the arguments set `cause`: in the options slot when its position is known, else in any object
 * literal argument. The last definition of `cause` decides (see `nextCauseDefinition`). A computed key
 * (`{ [key]: value }`) hides the cause only when its value is the caught error or `undefined` and the
 * key could be `cause`; with any other value the error is lost whatever the key is.
 */
function findCause(
  context: Context,
  handler: ErrorHandler,
  construction: ErrorConstruction,
  support: CauseSupport,
  carries: (node: TSESTree.Node) => boolean,
): CauseInArguments {
  const sourceCode = context.sourceCode;
  const args = construction.arguments;
  const optionsIndex = support.kind === 'options' ? support.index : undefined;
  const spreadIndex = args.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  if (spreadIndex !== -1 && (optionsIndex === undefined || spreadIndex <= optionsIndex)) return { kind: 'unknown' };
  const candidates = optionsIndex === undefined ? [...args].reverse() : args[optionsIndex] ? [args[optionsIndex]] : [];
  for (const argument of candidates) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const literal = objectLiteralOf(context, handler, argument);
    if (literal === 'opaque') return { kind: 'unknown' };
    if (!literal) continue;
    let found: TSESTree.Property | undefined;
    for (const property of literal.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        if (mentionsHandlerVariable(sourceCode, handler, property.argument)) return { kind: 'unknown' };
        continue;
      }
      const key = getStaticKeyName(property);
      if (key === 'cause') {
        found = nextCauseDefinition(found, property);
      } else if (
        key === undefined &&
        property.computed &&
        (isExplicitlyUndefined(sourceCode, property.value) || carries(property.value)) &&
        computedKeyMayBeCause(context, property)
      ) {
        return { kind: 'unknown' };
      }
    }
    if (found) return { kind: 'property', property: found };
  }
  return { kind: 'absent' };
}

/**
 * How to add the cause, given what the constructor takes. Where the options position is unknown,
 * `mayTakeCauseAt` says whether the argument at an index could carry `{ cause }` (with types: its
 * parameter declares `cause` or is untyped).
 */
function planCause(
  sourceCode: TSESLint.SourceCode,
  construction: ErrorConstruction,
  support: CauseSupport,
  mayTakeCauseAt: (index: number) => boolean,
): CausePlan | undefined {
  const args = construction.arguments;
  const count = args.length;
  const spread = args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  const options = (name: string): string => `{ ${causeProperty(name)} }`;
  if (support.kind === 'options') {
    const { index } = support;
    const slot = args[index];
    const needsLib = support.missingFromLib;
    if (slot) {
      const value = skipTypeWrappers(slot);
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        return {
          // Under `as T` the literal's type is asserted, not checked: leave that to the developer.
          autofix: support.acceptsCause && !spread && !needsLib && slot === value,
          newObject: false,
          action: (name) => `add \`${causeProperty(name)}\` to the options object`,
          edit: (fixer, binding) => [appendProperty(sourceCode, fixer, value, causeProperty(binding.name))],
        };
      }
      if (isExplicitlyUndefined(sourceCode, value)) {
        return {
          autofix: support.acceptsCauseAlone && !spread && !needsLib && slot === value,
          newObject: true,
          action: (name) => `pass \`${options(name)}\` instead of \`undefined\``,
          edit: (fixer, binding) => [fixer.replaceText(slot, options(binding.name))],
        };
      }
      if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
        return {
          autofix: false,
          newObject: false,
          action: (name) => `pass \`{ ...${sourceCode.getText(slot)}, ${causeProperty(name)} }\` as the options`,
          edit: (fixer, binding) => [fixer.replaceText(slot, `{ ...${sourceCode.getText(slot)}, ${causeProperty(binding.name)} }`)],
        };
      }
      return undefined;
    }
    if (count < support.requiredArguments) return undefined;
    const fillers = index - count;
    return {
      autofix: !spread && !needsLib && support.acceptsCauseAlone && (fillers === 0 || support.builtinSemantics),
      newObject: true,
      action: (name) =>
        `add \`${options(name)}\` as the options argument${fillers === 0 ? '' : `, after ${fillerText(fillers)}`}`,
      edit: (fixer, binding) => [appendArgument(sourceCode, fixer, construction, `${'undefined, '.repeat(fillers)}${options(binding.name)}`)],
    };
  }
  if (support.kind === 'argument') {
    if (spread) return undefined;
    const { index, property } = support;
    const slot = args[index];
    const value = slot && skipTypeWrappers(slot);
    if (property === undefined) {
      return count === index
        ? {
            autofix: false,
            newObject: false,
            action: (name) => `pass \`${name}\` as argument ${String(index + 1)}`,
            edit: (fixer, binding) => [appendArgument(sourceCode, fixer, construction, binding.name)],
          }
        : undefined;
    }
    if (value?.type === AST_NODE_TYPES.ObjectExpression) {
      return {
        autofix: false,
        newObject: false,
        action: (name) => `add \`${property}: ${name}\` to the options object`,
        edit: (fixer, binding) => [appendProperty(sourceCode, fixer, value, `${property}: ${binding.name}`)],
      };
    }
    return count === index
      ? {
          autofix: false,
          newObject: true,
          action: (name) => `add \`{ ${property}: ${name} }\` as the options argument`,
          edit: (fixer, binding) => [appendArgument(sourceCode, fixer, construction, `{ ${property}: ${binding.name} }`)],
        }
      : undefined;
  }
  // The options position is unknown: offer the usual shape, for the developer to check.
  const last = args.at(-1);
  if (last?.type === AST_NODE_TYPES.ObjectExpression) {
    if (!mayTakeCauseAt(count - 1)) return undefined;
    return {
      autofix: false,
      newObject: false,
      action: (name) => `add \`${causeProperty(name)}\` to the last argument (check that the constructor takes it there)`,
      edit: (fixer, binding) => [appendProperty(sourceCode, fixer, last, causeProperty(binding.name))],
    };
  }
  // Several positional arguments (`new CastError('Number', value, path)`): one more would most likely
  // fill a parameter meant for something else. Only `new C(message)` follows the usual shape.
  if (count !== 1 || spread || !mayTakeCauseAt(count)) return undefined;
  return {
    autofix: false,
    newObject: true,
    action: (name) => `add \`${options(name)}\` as the last argument (check that the constructor takes it there)`,
    edit: (fixer, binding) => [appendArgument(sourceCode, fixer, construction, options(binding.name))],
  };
}

function describe(plan: CausePlan, binding: Binding): string {
  const action = plan.action(binding.name);
  return binding.bind ? `bind it as \`${binding.name}\` and ${action}` : action;
}

/** Reports with the plan's edit: as the autofix where it is safe on save, else as a suggestion. */
function report(
  context: Context,
  construction: ErrorConstruction,
  messageId: MessageIds,
  data: Record<string, string>,
  plan: CausePlan | undefined,
  binding: Binding | undefined,
): void {
  const apply = (fixer: Fixer): Fix[] => {
    if (!plan || !binding) return [];
    const fixes = plan.edit(fixer, binding);
    if (binding.bind) fixes.unshift(binding.bind(fixer));
    return fixes;
  };
  const canFix = plan !== undefined && binding !== undefined;
  context.report({
    node: construction,
    messageId,
    data,
    fix: canFix && plan.autofix ? apply : null,
    suggest: canFix && !plan.autofix ? [{ messageId: 'keepCause', data: { action: describe(plan, binding) }, fix: apply }] : [],
  });
}

/**
 * What makes the error, when it is a new one: `new C(…)` of an Error class, a built-in called
 * without `new`, or, with type information, a call whose result is an Error (a factory,
 * `createError(401, …)`); without types other calls are factories we cannot see into.
 */
function creatorOf(context: Context, construction: ErrorConstruction): Creator | undefined {
  const info = getErrorConstructorInfo(context, construction.callee);
  if (construction.type === AST_NODE_TYPES.NewExpression || info.builtin) return info.isError === 'yes' ? { ...info, factory: false } : undefined;
  const cls = getErrorFactoryClass(context, construction);
  return cls && { isError: 'yes', name: info.isError === 'yes' ? info.name : cls.name, builtin: undefined, factory: true };
}

/**
 * `cause: link`, where `link` is an error this handler creates itself, inline or in a `const`
 * (`const timeoutError = new WaitQueueTimeoutError(…)`): the chain goes through it, so whether the
 * caught error is kept is a question about that construction, not about this `cause`.
 */
function causeCreatedInHandler(context: Context, handler: ErrorHandler, value: TSESTree.Node): ErrorConstruction | undefined {
  const owner = handlerNode(handler);
  let node = skipWrappers(value);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context.sourceCode, node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (
      def?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
      def.parent?.type !== AST_NODE_TYPES.VariableDeclaration ||
      def.parent.kind !== 'const' ||
      !def.node.init
    ) {
      return undefined;
    }
    node = def.node.init;
  }
  const link = constructionOf(node);
  if (!link || !owner || !isInside(link, owner)) return undefined;
  return creatorOf(context, link) ? link : undefined;
}

/**
 * The arguments hand the caught error on. For the built-in constructors (and subclasses that
 * inherit theirs) the message is read as text and the options only for `cause`, so there the
 * error survives only in an `AggregateError`'s list or in options we cannot see into.
 */
function keptByArguments(construction: ErrorConstruction, carries: (node: TSESTree.Node) => boolean, support: () => CauseSupport): boolean {
  const args = construction.arguments;
  const values = args.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument));
  // The usual `{ cause: error }` first, which needs no signature.
  if (
    values.some((value) => {
      const cause = inlineCause(value);
      return cause !== undefined && carries(cause);
    })
  ) {
    return true;
  }
  const carrying = values.flatMap((value, index) => (carries(value) ? [index] : []));
  if (carrying.length === 0) return false;
  const taken = support();
  if (taken.kind !== 'options' || !taken.builtinSemantics) return true;
  return carrying.some(
    (index) =>
      index < taken.requiredArguments ||
      (index === taken.index && skipTypeWrappers(args[index] as TSESTree.Node).type !== AST_NODE_TYPES.ObjectExpression),
  );
}

/** The caught error is what the `cause` found in the arguments reads: a value, or what a getter returns. */
function causeKeepsError(property: TSESTree.Property, carries: (node: TSESTree.Node) => boolean, visitorKeys: VisitorKeys): boolean {
  const kind = causeDefinitionKind(property);
  if (kind === 'value') return carries(property.value);
  return kind === 'getter' && getterReturnValues(property, visitorKeys).some(carries);
}

function reportDropper(context: Context, construction: ErrorConstruction, dropper: CauseDropper): void {
  const { className: droppedClass, declaringClassName, reason, unusedParameter } = dropper;
  const parameter = unusedParameter === undefined ? 'its options' : `\`${unusedParameter}\``;
  const constructorOf = declaringClassName === droppedClass ? 'its constructor' : `\`${declaringClassName}\``;
  context.report({
    node: construction,
    messageId: 'dropsCause',
    data: {
      className: droppedClass,
      reason: reason === 'not-forwarded' ? `${constructorOf} never passes ${parameter} to \`super(…)\`` : `${constructorOf} takes no \`{ cause }\` option`,
      advice: reason === 'not-forwarded' ? 'pass it on there' : 'accept `options?: ErrorOptions` and pass it to `super(…)`',
    },
  });
}

/**
 * The constructor or factory has no place for a cause: a class of the project gets the advice to
 * accept `ErrorOptions`; a factory, a report that says what it lacks. A library class that cannot
 * carry one is left alone, as nobody here can change it. True when there is nothing more to report.
 */
function reportNoPlace(context: Context, construction: ErrorConstruction, creator: Creator, support: CauseSupport, errorText: string): boolean {
  if (support.kind === 'none' && support.dropper) {
    reportDropper(context, construction, support.dropper);
    return true;
  }
  const lacks = support.kind === 'none' || (support.kind === 'unknown' && lacksCauseParameter(context, construction));
  if (!lacks) return false;
  if (creator.factory) {
    const callee = quoteSource(context.sourceCode, construction.callee);
    context.report({ node: construction, messageId: 'noCauseParameter', data: { callee: `${callee}(…)`, error: errorText } });
    return true;
  }
  const owner = ownConstructorClassName(context, construction);
  if (owner) reportDropper(context, construction, { className: creator.name, declaringClassName: owner, reason: 'no-parameter' });
  return true;
}

/** The edit that sets `cause` to the caught error, for a `cause` written in this construction (a shared options object has other users). */
function replaceCausePlan(construction: ErrorConstruction, property: TSESTree.Property): CausePlan | undefined {
  if (!isInside(property, construction)) return undefined;
  // With several definitions of `cause`, which one to edit is the developer's call.
  const object = property.parent;
  const definitions =
    object.type === AST_NODE_TYPES.ObjectExpression
      ? object.properties.filter((other) => other.type === AST_NODE_TYPES.Property && getStaticKeyName(other) === 'cause').length
      : 1;
  if (definitions > 1) return undefined;
  // `{ cause }`, `cause() {}` and `get cause() {}` are replaced whole; `cause: value` only in its value.
  const whole = property.shorthand || causeDefinitionKind(property) !== 'value';
  return {
    autofix: false,
    newObject: false,
    action: (name) => `set \`cause\` to \`${name}\``,
    edit: (fixer, { name }) => [whole ? fixer.replaceText(property, `cause: ${name}`) : fixer.replaceText(property.value, name)],
  };
}

/** A `cause` that is not the caught error: another value, a method, an accessor, or the error of an outer handler. */
function reportWrongCause(
  context: Context,
  construction: ErrorConstruction,
  property: TSESTree.Property,
  { className, variable, binding, plan }: WrongCauseContext,
): void {
  const isValue = causeDefinitionKind(property) === 'value';
  const value = skipWrappers(property.value);
  const outer = isValue && value.type === AST_NODE_TYPES.Identifier ? findVariable(context.sourceCode, value) : null;
  const outerBinding = outer && outer !== variable ? handlerBindingOf(context, outer) : undefined;
  if (outer && outerBinding) {
    const inner = variable ? `\`${variable.name}\`` : 'not bound';
    report(context, construction, 'outerCause', { className, cause: outer.name, line: String(outerBinding.loc.start.line), inner }, plan, binding);
    return;
  }
  if (variable) {
    const cause = quoteSource(context.sourceCode, isValue ? property.value : property);
    report(context, construction, 'wrongCause', { className, cause, error: variable.name }, plan, binding);
  } else {
    report(context, construction, 'missingCauseUnbound', { className, libNote: '' }, plan, binding);
  }
}

/** The error a `throw` or `reject(…)` receives, when it is constructed right there. */
function constructionOf(node: TSESTree.Node | undefined): ErrorConstruction | undefined {
  if (!node) return undefined;
  const value = skipTypeWrappers(node);
  return value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression ? value : undefined;
}

export default createRule<Options, MessageIds>({
  name: 'require-error-cause',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require errors created in a handler to keep the caught error as their cause',
      recommended: 'recommended',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    messages: {
      missingCause:
        '`{{className}}` does not keep the caught `{{error}}` as its cause; pass {{how}}, or {{optOut}} to drop it on purpose{{libNote}}.',
      missingCauseUnbound:
        '`{{className}}` cannot keep the caught error as its cause, as this handler does not bind it; bind it and pass `{ cause: error }`{{libNote}}.',
      wrongCause: 'The cause of `{{className}}` is `{{cause}}`, not the caught `{{error}}`; use `cause: {{error}}`, or `cause: undefined` on purpose.',
      outerCause:
        'The cause of `{{className}}` is `{{cause}}`, caught on line {{line}}, not the error caught here ({{inner}}); pass that, or both in an `AggregateError`.',
      destructuredError:
        'This handler destructures the error, so `{{className}}` cannot keep it as its cause; bind it whole and pass `{ cause: error }`.',
      dropsCause: '`{{className}}` drops the caught error: {{reason}}; {{advice}}.',
      noCauseParameter: '`{{callee}}` has no parameter for a cause, so {{error}} is lost; set `cause` on the error it returns.',
      keepCause: 'Keep the caught error: {{action}}.',
    },
    schema: [],
    fixable: 'code',
    hasSuggestions: true,
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const checked = new Set<ErrorConstruction>();

    function check(construction: ErrorConstruction): void {
      if (checked.has(construction)) return;
      checked.add(construction);
      const handler = getEnclosingHandler(context, construction);
      if (!handler || handler.kind === 'promise-finally') return;
      const creator = creatorOf(context, construction);
      if (!creator) return;
      const className = creator.name;

      if (handler.param && !handler.errorVariable) {
        context.report({ node: construction, messageId: 'destructuredError', data: { className } });
        return;
      }
      const variable = handler.errorVariable;
      const references: ErrorReferences = getErrorReferences(sourceCode, variable);
      const carries = (node: TSESTree.Node): boolean => variable !== null && carriesError(context, references, node);
      // `error.wrap('context')`: a method of the caught error makes the new one from it.
      const callee = skipWrappers(construction.callee);
      if (creator.factory && callee.type === AST_NODE_TYPES.MemberExpression && carries(callee.object)) return;
      let cachedSupport: CauseSupport | undefined;
      const supportOf = (): CauseSupport => (cachedSupport ??= getCauseSupport(context, construction));
      if (keptByArguments(construction, carries, supportOf)) return;

      const support = supportOf();
      const found = findCause(context, handler, construction, support, carries);
      if (found.kind === 'unknown') return;
      if (found.kind === 'property') {
        const property = found.property;
        if (causeKeepsError(property, carries, context.sourceCode.visitorKeys)) return;
        if (causeDefinitionKind(property) === 'value') {
          if (isExplicitlyUndefined(sourceCode, property.value)) return;
          const link = causeCreatedInHandler(context, handler, property.value);
          if (link) {
            check(link);
            return;
          }
        }
      }
      if (isArgumentOptOut(sourceCode, construction, support)) return;
      const errorText = variable ? `the caught error \`${variable.name}\`` : 'the caught error';
      if ((support.kind === 'none' || support.kind === 'unknown') && reportNoPlace(context, construction, creator, support, errorText)) return;

      const binding = bindingAt(sourceCode, handler, construction);
      const source: CaughtErrorSource = variable?.defs[0]
        ? { kind: 'binding', node: variable.defs[0].name }
        : { kind: handler.kind === 'catch' ? 'new-catch-binding' : 'new-callback-binding' };
      // A suggestion must type-check where the input did: no `unknown` error where an `Error` is wanted,
      // no options object missing a required option, no options a `lib` below ES2022 does not declare.
      const typeChecks = (plan: CausePlan | undefined): CausePlan | undefined =>
        plan &&
        (plan.autofix ||
          (support.kind !== 'options' && support.kind !== 'argument') ||
          canPassCaughtError(context, construction, support, source, { newObject: plan.newObject }))
          ? plan
          : undefined;
      if (found.kind === 'property') {
        reportWrongCause(context, construction, found.property, { className, variable, binding, plan: typeChecks(replaceCausePlan(construction, found.property)) });
        return;
      }

      const plan = typeChecks(planCause(sourceCode, construction, support, (index) => parameterMayTakeCause(context, construction, index)));
      const libNote =
        support.kind === 'options' && support.missingFromLib
          ? ' (which needs `ES2022` in `lib`)'
          : '';
      if (variable) {
        report(context, construction, 'missingCause', { className, error: variable.name, ...howToPass(support, variable.name), libNote }, plan, binding);
      } else {
        report(context, construction, 'missingCauseUnbound', { className, libNote }, plan, binding);
      }
    }

    return {
      ThrowStatement(node) {
        const construction = constructionOf(node.argument);
        if (construction) check(construction);
      },
      CallExpression(node) {
        const first = node.arguments[0];
        const construction = first && first.type !== AST_NODE_TYPES.SpreadElement ? constructionOf(first) : undefined;
        if (construction && isRejectCall(sourceCode, node)) check(construction);
      },
    };
  },
});
