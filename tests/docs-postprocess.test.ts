import { describe, expect, it } from 'vitest';
import {
  TYPE_INFORMATION_LEGEND,
  TYPE_INFORMATION_NOTICE,
  addTypeInformationColumn,
  createDocsPostprocess,
} from '../scripts/docs-postprocess.js';

// The shape eslint-doc-generator writes between the README markers.
const README = `# Plugin

<!-- begin auto-generated rules list -->

💼 Configurations enabled in.\\
✅ Set in the \`recommended\` configuration.\\
🔒 Set in the \`strict\` configuration.

| Name                                 | Description                | 💼   |
| :----------------------------------- | :------------------------- | :--- |
| [catch-order](docs/rules/catch-order.md) | Disallow unreachable tests | ✅ 🔒 |
| [max-try-statements](docs/rules/max-try-statements.md) | Enforce a \\| limit | 🔒 |

<!-- end auto-generated rules list -->

After.
`;

const RULE_DOC = `# error-handling/catch-order

📝 Disallow unreachable tests.

<!-- end auto-generated rule header -->

Body.
`;

const rules = {
  'catch-order': { meta: { docs: { usesTypeInformation: true } } },
  'max-try-statements': { meta: { docs: {} } },
};

describe('docs postprocess', () => {
  const postprocess = createDocsPostprocess(rules);

  it('adds a type-information column and legend line to the README rules table', () => {
    expect(postprocess(README, '/repo/README.md')).toBe(`# Plugin

<!-- begin auto-generated rules list -->

💼 Configurations enabled in.\\
✅ Set in the \`recommended\` configuration.\\
🔒 Set in the \`strict\` configuration.\\
${TYPE_INFORMATION_LEGEND}

| Name                                 | Description                | 💼   | 🔎 |
| :----------------------------------- | :------------------------- | :--- | :- |
| [catch-order](docs/rules/catch-order.md) | Disallow unreachable tests | ✅ 🔒 | 🔎 |
| [max-try-statements](docs/rules/max-try-statements.md) | Enforce a \\| limit | 🔒 |    |

<!-- end auto-generated rules list -->

After.
`);
  });

  it('leaves the table alone when no rule uses type information (and with no rules at all)', () => {
    expect(createDocsPostprocess({ 'max-try-statements': rules['max-try-statements'] })(README, 'README.md')).toBe(README);
    const empty = '<!-- begin auto-generated rules list -->\n\n| Name |\n| :--- |\n\n<!-- end auto-generated rules list -->\n';
    expect(createDocsPostprocess({})(empty, 'README.md')).toBe(empty);
    expect(postprocess('no markers', 'README.md')).toBe('no markers');
  });

  it('adds a legend of its own when the table has none', () => {
    const bare = '<!-- begin auto-generated rules list -->\n\n| Name | Description |\n| :- | :- |\n| [catch-order](x.md) | D |\n\n<!-- end auto-generated rules list -->\n';
    expect(addTypeInformationColumn(bare, () => true)).toBe(
      `<!-- begin auto-generated rules list -->\n\n${TYPE_INFORMATION_LEGEND}\n\n| Name | Description | 🔎 |\n| :- | :- | :- |\n| [catch-order](x.md) | D | 🔎 |\n\n<!-- end auto-generated rules list -->\n`,
    );
  });

  it('keeps Windows line endings', () => {
    const crlf = README.replaceAll('\n', '\r\n');
    const output = postprocess(crlf, 'C:\\repo\\README.md');
    expect(output).toBe(postprocess(README, 'README.md').replaceAll('\n', '\r\n'));
  });

  it('adds the notice at the end of the generated header of a rule that uses type information only', () => {
    expect(postprocess(RULE_DOC, '/repo/docs/rules/catch-order.md')).toBe(
      RULE_DOC.replace('<!-- end', `${TYPE_INFORMATION_NOTICE}\n\n<!-- end`),
    );
    const other = RULE_DOC.replaceAll('catch-order', 'max-try-statements');
    expect(postprocess(other, '/repo/docs/rules/max-try-statements.md')).toBe(other);
    expect(postprocess(RULE_DOC, 'C:\\repo\\docs\\rules\\catch-order.md')).toContain(TYPE_INFORMATION_NOTICE);
  });

  it('is stable: the generator rewrites its own parts and postprocesses again, so output never accumulates', () => {
    const once = postprocess(README, 'README.md');
    // The generator replaces everything between the markers on each run: simulate that.
    const regenerated = once.replace(/<!-- begin[\s\S]*<!-- end auto-generated rules list -->/, /<!-- begin[\s\S]*<!-- end auto-generated rules list -->/.exec(README)?.[0] ?? '');
    expect(postprocess(regenerated, 'README.md')).toBe(once);
  });
});
