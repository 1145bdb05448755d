import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import type { OptionsCauseSupport } from '../analysis/errors/error-construction.js';
import { getConstructorCauseSupport, isExplicitlyUndefined } from '../analysis/errors/error-construction.js';
import { getErrorHierarchy } from '../analysis/errors/error-hierarchy.js';
import type { ClassNode, NameDeclaration } from '../analysis/errors/error-subclass.js';
import {
  findForwardableParameter,
  getCauseForwarding,
  getConstructor,
  getInheritedName,
  getLiteralNameBase,
  getOwnNameDeclarations,
  getRuntimeClassName,
  isAmbientClass,
  isErrorOptionsDeclared,
} from '../analysis/errors/error-subclass.js';
import { getStaticMemberName, skipTypeWrappers } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { quoteSource } from '../util/quote.js';
import { appendArgument, appendProperty, unusedName } from '../util/fix.js';

export type Options = [];
export type MessageIds = 'dropsOptions' | 'missingName' | 'mismatchedName' | 'forwardParameter' | 'addOptionsParameter' | 'addName' | 'useClassName';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

interface Suggestion {
  readonly messageId: MessageIds;
  readonly data: Record<string, string>;
  fix(fixer: Fixer): Fix[];
}

const JAVASCRIPT_FILE = /\.[cm]?jsx?$/u;

/** The class name, or else its `class` keyword: where every report of a class goes. */
function reportLocation(sourceCode: TSESLint.SourceCode, node: ClassNode): TSESTree.SourceLocation {
  if (node.id) return node.id.loc;
  const keyword = sourceCode.getFirstToken(node, { filter: (token) => token.type === AST_TOKEN_TYPES.Keyword && token.value === 'class' });
  return (keyword ?? node).loc;
}

function hasNameMember(node: ClassNode): boolean {
  return node.body.body.some(
    (member) =>
      (member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.AccessorProperty ||
        member.type === AST_NODE_TYPES.MethodDefinition ||
        member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition ||
        member.type === AST_NODE_TYPES.TSAbstractAccessorProperty ||
        member.type === AST_NODE_TYPES.TSAbstractMethodDefinition) &&
      !member.static &&
      ((!member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === 'name') ||
        (member.key.type === AST_NODE_TYPES.Literal && member.key.value === 'name')),
  );
}

/** Inserts `text` as the first member of the class body, on its own line when the members are on their own lines. */
function insertFirstMember(sourceCode: TSESLint.SourceCode, fixer: Fixer, body: TSESTree.ClassBody, text: string): Fix {
  const open = sourceCode.getFirstToken(body);
  const next = open && sourceCode.getTokenAfter(open, { includeComments: true });
  if (!open || !next || body.body.length === 0) {
    return open && sourceCode.getCommentsInside(body).length > 0 ? fixer.insertTextAfter(open, ` ${text}`) : fixer.replaceText(body, `{ ${text} }`);
  }
  if (next.loc.start.line === open.loc.end.line) return fixer.insertTextBefore(next, `${text} `);
  const indent = /^\s*/u.exec(sourceCode.lines[next.loc.start.line - 1] ?? '')?.[0] ?? '';
  return fixer.insertTextBefore(next, `${text}\n${indent}`);
}

/** `'ClassName'` in the quotes of the string it replaces. */
function quoted(sourceCode: TSESLint.SourceCode, replaced: TSESTree.Node, value: string): string {
  const node = skipTypeWrappers(replaced);
  const quote = node.type === AST_NODE_TYPES.Literal && sourceCode.getText(node).startsWith('"') ? '"' : "'";
  return `${quote}${value}${quote}`;
}

/** How to give the constructor an options parameter and pass it to every `super(…)` call. */
function planForwarding(
  context: Context,
  node: ClassNode,
  constructor: TSESTree.FunctionExpression,
  superCalls: readonly TSESTree.CallExpression[],
  support: OptionsCauseSupport,
): Suggestion | undefined {
  const sourceCode = context.sourceCode;
  const isJavaScript = JAVASCRIPT_FILE.test(context.filename);
  if (support.missingFromLib) return undefined;
  // With overload signatures, callers see only those: a parameter added to the implementation would reach no one.
  const overloaded = node.body.body.some(
    (member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.value !== constructor,
  );
  if (overloaded) return undefined;
  const existing = findForwardableParameter(context, constructor);
  let value: string;
  let property: string;
  let addParameter: ((fixer: Fixer) => Fix) | undefined;
  let suggestion: Pick<Suggestion, 'messageId' | 'data'>;
  if (existing?.kind === 'cause') {
    if (!support.acceptsCause) return undefined;
    value = '{ cause }';
    property = 'cause';
    suggestion = { messageId: 'forwardParameter', data: { argument: value } };
  } else if (existing) {
    value = existing.name;
    property = `...${existing.name}`;
    suggestion = { messageId: 'forwardParameter', data: { argument: value } };
  } else {
    const last = constructor.params.at(-1);
    // A parameter after a rest parameter is a syntax error; one before it would take its arguments.
    if (last?.type === AST_NODE_TYPES.RestElement) return undefined;
    const scope = sourceCode.getScope(constructor);
    const name = unusedName(scope, 'options') === 'options' ? 'options' : unusedName(scope, 'errorOptions');
    const typeText = isErrorOptionsDeclared(context) === false ? '{ cause?: unknown }' : 'ErrorOptions';
    const parameter = isJavaScript ? name : `${name}?: ${typeText}`;
    value = name;
    property = `...${name}`;
    suggestion = { messageId: 'addOptionsParameter', data: { parameter } };
    addParameter = (fixer) => {
      if (!last) {
        const open = sourceCode.getFirstToken(constructor, { filter: (token) => token.value === '(' });
        return open ? fixer.insertTextAfter(open, parameter) : fixer.insertTextBefore(constructor.body, `(${parameter}) `);
      }
      const after = sourceCode.getTokenAfter(last);
      return after?.value === ',' ? fixer.insertTextAfter(after, ` ${parameter},`) : fixer.insertTextAfter(last, `, ${parameter}`);
    };
  }

  const edits: Array<(fixer: Fixer) => Fix> = [];
  for (const call of superCalls) {
    const count = call.arguments.length;
    const slot = call.arguments[support.index];
    if (!slot) {
      if (!support.acceptsCauseAlone || count < support.requiredArguments) return undefined;
      const text = `${'undefined, '.repeat(support.index - count)}${value}`;
      edits.push((fixer) => appendArgument(sourceCode, fixer, call, text));
      continue;
    }
    const slotValue = skipTypeWrappers(slot);
    if (slotValue.type === AST_NODE_TYPES.ObjectExpression && slotValue === slot) {
      if (!support.acceptsCause) return undefined;
      edits.push((fixer) => appendProperty(sourceCode, fixer, slotValue, property));
    } else if (isExplicitlyUndefined(sourceCode, slotValue) || (slotValue.type === AST_NODE_TYPES.Literal && slotValue.value === null)) {
      if (!support.acceptsCauseAlone) return undefined;
      edits.push((fixer) => fixer.replaceText(slot, value));
    } else {
      return undefined;
    }
  }
  return {
    ...suggestion,
    fix: (fixer) => [...(addParameter ? [addParameter(fixer)] : []), ...edits.map((edit) => edit(fixer))],
  };
}

export default createRule<Options, MessageIds>({
  name: 'valid-error-subclass',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require Error subclasses to pass a cause on to their base and to name their instances after the class',
      recommended: 'strict',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    messages: {
      dropsOptions:
        '`{{className}}` drops the `{ cause }` option of `{{base}}` (argument {{position}}): accept `options` and pass them to `super(…)`{{libNote}}.',
      missingName:
        "`{{className}}` does not set `name`, so its errors are named `{{inheritedName}}`; set it to `'{{className}}'`{{baseNote}}.",
      mismatchedName: "`{{className}}` sets `name` to `'{{name}}'`, so its errors are named `{{name}}`; set it to `'{{className}}'`.",
      forwardParameter: 'Pass `{{argument}}` on to `super(…)`.',
      addOptionsParameter: 'Add the parameter `{{parameter}}` and pass it on to `super(…)`.',
      addName: 'Add `{{declaration}}` to the class.',
      useClassName: "Set `name` to `'{{className}}'`.",
    },
    schema: [],
    hasSuggestions: true,
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const isJavaScript = JAVASCRIPT_FILE.test(context.filename);
    const classes: ClassNode[] = [];
    /** Some code of this file assigns `this.name`, which a `readonly name` in a base class would reject. */
    let assignsThisName = false;

    function checkCause(node: ClassNode, superClass: TSESTree.Expression, className: string): void {
      const support = getConstructorCauseSupport(context, superClass);
      if (support.kind !== 'options') return;
      const constructor = getConstructor(node);
      if (!constructor) return;
      const forwarding = getCauseForwarding(context, constructor, support.index);
      if (forwarding.kind !== 'drops') return;
      const base = getErrorHierarchy(context).classOfConstructor(superClass)?.name ?? quoteSource(sourceCode, superClass);
      const suggestion = planForwarding(context, node, constructor, forwarding.superCalls, support);
      context.report({
        loc: reportLocation(sourceCode, node),
        messageId: 'dropsOptions',
        data: {
          className,
          base,
          position: String(support.index + 1),
          libNote: support.missingFromLib
            ? ' (after adding `ES2022` to `lib`)'
            : '',
        },
        suggest: suggestion ? [suggestion] : [],
      });
    }

    function checkName(node: ClassNode, className: string): void {
      const own = getOwnNameDeclarations(context, node);
      if (own.length === 0) {
        const inherited = getInheritedName(context, node);
        if (inherited.kind !== 'fixed' || inherited.value === className) return;
        // `readonly` with a `string` type: a subclass may still declare its own `override readonly name`.
        const declaration = isJavaScript
          ? `name = '${className}'`
          : assignsThisName
            ? `override name = '${className}'`
            : `override readonly name: string = '${className}'`;
        // A base whose `name` has a literal type admits no other name until it is widened.
        const literalBase = getLiteralNameBase(context, node);
        const baseNote =
          literalBase === undefined ? '' : ` once \`${literalBase}\` types its \`name\` as \`string\``;
        context.report({
          loc: reportLocation(sourceCode, node),
          messageId: 'missingName',
          data: { className, inheritedName: inherited.value, baseNote },
          suggest: hasNameMember(node) || literalBase !== undefined
            ? []
            : [{ messageId: 'addName', data: { declaration }, fix: (fixer) => insertFirstMember(sourceCode, fixer, node.body, `${declaration};`) }],
        });
        return;
      }
      if (own.some((declared) => declared.value.kind === 'per-class')) return;
      const mismatched = own.filter(
        (declared): declared is NameDeclaration & { value: { kind: 'literal' } } => declared.value.kind === 'literal' && declared.value.value !== className,
      );
      const first = mismatched[0];
      if (!first) return;
      const replaceable = mismatched.every((declared) => declared.valueNode !== undefined);
      context.report({
        loc: reportLocation(sourceCode, node),
        messageId: 'mismatchedName',
        data: { className, name: first.value.value },
        suggest: replaceable
          ? [
              {
                messageId: 'useClassName',
                data: { className },
                fix: (fixer) =>
                  mismatched.flatMap((declared) => {
                    const fixes: Fix[] = [];
                    if (declared.valueNode) fixes.push(fixer.replaceText(declared.valueNode, quoted(sourceCode, declared.valueNode, className)));
                    // `name: 'Error' = 'Error'`: the literal type goes with the value.
                    const annotation =
                      declared.node.type === AST_NODE_TYPES.PropertyDefinition ? declared.node.typeAnnotation?.typeAnnotation : undefined;
                    if (annotation?.type === AST_NODE_TYPES.TSLiteralType) {
                      fixes.push(fixer.replaceText(annotation, quoted(sourceCode, annotation.literal, className)));
                    }
                    return fixes;
                  }),
              },
            ]
          : [],
      });
    }

    function check(node: ClassNode): void {
      const superClass = node.superClass;
      if (!superClass || isAmbientClass(context, node)) return;
      const hierarchy = getErrorHierarchy(context);
      const cls = hierarchy.classOfDeclaration(node);
      if (!cls || hierarchy.isErrorClass(cls) !== 'yes') return;
      const className = getRuntimeClassName(node);
      checkCause(node, superClass, className ?? 'anonymous class');
      // An abstract class never has instances of its own, and an anonymous one has no name to give them.
      const isAbstract = node.type === AST_NODE_TYPES.ClassDeclaration && node.abstract;
      if (className !== undefined && !isAbstract) checkName(node, className);
    }

    return {
      'ClassDeclaration, ClassExpression'(node: ClassNode) {
        if (node.superClass) classes.push(node);
      },
      'AssignmentExpression > MemberExpression.left'(node: TSESTree.MemberExpression) {
        if (node.object.type === AST_NODE_TYPES.ThisExpression && getStaticMemberName(node) === 'name') assignsThisName = true;
      },
      'Program:exit'() {
        for (const node of classes) check(node);
      },
    };
  },
});
