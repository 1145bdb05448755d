// Messages at a glance: every message a rule reports in its tests (suggestions included) is checked as it is
// rendered, and each rule's test file ends with `itRendersEveryMessage`, which asserts that its cases rendered
// every message id of the rule. The longest rendering of each id is kept for that check.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { expect, it } from 'vitest';

export const MAX_MESSAGE_LENGTH = 160;

interface ReportDescriptor {
  messageId?: string;
  data?: Readonly<Record<string, unknown>>;
  suggest?: readonly ReportDescriptor[] | null;
}

interface AnyRule {
  name?: string;
  meta?: { messages?: Readonly<Record<string, string>> };
  create(context: { report(descriptor: ReportDescriptor): void }): unknown;
}

/** Rule name → message id → the longest message rendered for it by the tests that ran so far. */
const rendered = new Map<string, Map<string, string>>();

/** ESLint's placeholder filling: `{{ name }}` becomes `data.name`; an unknown placeholder stays as written. */
export function renderMessage(template: string, data: Readonly<Record<string, unknown>> | undefined): string {
  return template.replace(/\{\{([^{}]+?)\}\}/gu, (whole, key: string) => {
    const name = key.trim();
    return data && name in data ? String(data[name]) : whole;
  });
}

/**
 * Why `message` does not read at a glance, or undefined when it does: at most 160 characters, one
 * sentence (no sentence end before the last character, quoted code aside), no placeholder left unfilled.
 */
export function messageProblem(message: string): string | undefined {
  if (message.length > MAX_MESSAGE_LENGTH) return `${String(message.length)} characters, more than ${String(MAX_MESSAGE_LENGTH)}`;
  if (/\{\{[^{}]*\}\}/u.test(message)) return 'a placeholder is left unfilled';
  const prose = message.replace(/`[^`]*`/gu, '`…`').replace(/'[^']*'/gu, "'…'");
  if (/[.!?]\s/u.test(prose.trimEnd().slice(0, -1))) return 'more than one sentence';
  if (!/[.!?]$/u.test(prose)) return 'no full stop at the end';
  return undefined;
}

function record(rule: AnyRule, ruleName: string, descriptor: ReportDescriptor): void {
  const messageId = descriptor.messageId;
  const template = messageId === undefined ? undefined : rule.meta?.messages?.[messageId];
  if (messageId === undefined || template === undefined) return;
  const message = renderMessage(template, descriptor.data);
  const problem = messageProblem(message);
  if (problem) throw new Error(`${ruleName}/${messageId} reads badly (${problem}): ${message}`);
  let byId = rendered.get(ruleName);
  if (!byId) rendered.set(ruleName, (byId = new Map<string, string>()));
  const longest = byId.get(messageId);
  if (longest === undefined || message.length > longest.length) byId.set(messageId, message);
  for (const suggestion of descriptor.suggest ?? []) record(rule, ruleName, suggestion);
}

/** The rule with its reports checked and recorded on their way to ESLint. */
function watchReports<Rule extends AnyRule>(rule: Rule, ruleName: string): Rule {
  return {
    ...rule,
    create(context: { report(descriptor: ReportDescriptor): void }) {
      const watched = Object.create(context, {
        report: {
          value(descriptor: ReportDescriptor) {
            record(rule, ruleName, descriptor);
            context.report(descriptor);
          },
        },
      }) as typeof context;
      return rule.create(watched);
    },
  };
}

type Run = (this: RuleTester, name: string, rule: AnyRule, tests: unknown) => void;
const prototype = RuleTester.prototype as unknown as { run: Run; runWatched?: boolean };
if (!prototype.runWatched) {
  const run = prototype.run;
  prototype.run = function (this: RuleTester, name: string, rule: AnyRule, tests: unknown) {
    run.call(this, name, watchReports(rule, rule.name ?? name), tests);
  };
  prototype.runWatched = true;
}

/** The longest message each message id of `ruleName` was rendered with so far. */
export function renderedMessages(ruleName: string): ReadonlyMap<string, string> {
  return rendered.get(ruleName) ?? new Map();
}

/**
 * Ends a rule's test file: the cases above rendered every message id of the rule, each at most 160
 * characters and one sentence even with the longest data the cases produce.
 */
export function itRendersEveryMessage(rule: AnyRule & { name: string }): void {
  it(`${rule.name}: the cases render every message id, each one sentence of at most ${String(MAX_MESSAGE_LENGTH)} characters`, () => {
    const byId = renderedMessages(rule.name);
    expect(Object.keys(rule.meta?.messages ?? {}).filter((id) => !byId.has(id))).toEqual([]);
    for (const [id, message] of byId) expect(messageProblem(message), `${id}: ${message}`).toBeUndefined();
  });
}
