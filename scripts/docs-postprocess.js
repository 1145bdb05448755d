// eslint-doc-generator `postprocess` step: marks the rules that use type information when it is available.
//
// Our rules keep `meta.docs.requiresTypeChecking: false` (they run without type information and get more
// precise with it), so the generator's own 💭 column and notice never show. DESIGN.md asks the docs to mark
// "uses type information when available" instead; this step derives that mark from
// `meta.docs.usesTypeInformation`. It runs on the generator's freshly generated output in both write and
// `--check` mode, so the result is stable and `npm run docs:check` compares like with like.

export const TYPE_INFORMATION_EMOJI = '🔎';

export const TYPE_INFORMATION_LEGEND = `${TYPE_INFORMATION_EMOJI} Uses type information when it is available (runs without it).`;

export const TYPE_INFORMATION_NOTICE =
  `${TYPE_INFORMATION_EMOJI} This rule uses type information when it is available and runs without it: ` +
  'see [Type information](#type-information) for what changes.';

const BEGIN_RULES_LIST = '<!-- begin auto-generated rules list -->';
const END_RULES_LIST = '<!-- end auto-generated rules list -->';
const END_RULE_HEADER = '<!-- end auto-generated rule header -->';

/** The rule name linked in a rules-table row's first cell: `| [name](docs/rules/name.md) | …`. */
function ruleNameOfRow(row) {
  const match = /^\|\s*\[([^\]]+)\]\(/.exec(row);
  return match ? match[1] : undefined;
}

/**
 * Appends the type-information column (and its legend line) to the rules table between the README's
 * markers. Like the generator's own columns, the column is left out when no rule has the mark.
 * @param {string} content
 * @param {(name: string) => boolean} usesTypeInformation
 * @returns {string}
 */
export function addTypeInformationColumn(content, usesTypeInformation) {
  const begin = content.indexOf(BEGIN_RULES_LIST);
  const end = content.indexOf(END_RULES_LIST);
  if (begin === -1 || end === -1 || end < begin) return content;
  const eol = content.includes('\r\n') ? '\r\n' : '\n';
  const listStart = begin + BEGIN_RULES_LIST.length;
  const lines = content.slice(listStart, end).split(eol);

  const tableStart = lines.findIndex((line) => line.startsWith('|'));
  if (tableStart === -1 || !lines[tableStart + 1]?.startsWith('|')) return content;
  let tableEnd = tableStart;
  while (tableEnd < lines.length && lines[tableEnd].startsWith('|')) tableEnd += 1;
  const rows = lines.slice(tableStart + 2, tableEnd);
  const cells = rows.map((row) => {
    const name = ruleNameOfRow(row);
    return name !== undefined && usesTypeInformation(name) ? TYPE_INFORMATION_EMOJI : '';
  });
  if (!cells.includes(TYPE_INFORMATION_EMOJI)) return content;

  // Same layout as the generator's tables (markdown-table: widths by string length, left-aligned).
  const width = Math.max(TYPE_INFORMATION_EMOJI.length, 2);
  lines[tableStart] += ` ${TYPE_INFORMATION_EMOJI.padEnd(width)} |`;
  lines[tableStart + 1] += ` :${'-'.repeat(width - 1)} |`;
  cells.forEach((cell, index) => {
    lines[tableStart + 2 + index] += ` ${cell.padEnd(width)} |`;
  });

  // The legend is the block of lines just above the table; the generator ends all but its last line with `\`.
  const legendEnd = tableStart - 1;
  if (legendEnd > 0 && lines[legendEnd] === '' && lines[legendEnd - 1] !== '') {
    lines[legendEnd - 1] += `\\${eol}${TYPE_INFORMATION_LEGEND}`;
  } else {
    lines.splice(tableStart, 0, TYPE_INFORMATION_LEGEND, '');
  }
  return content.slice(0, listStart) + lines.join(eol) + content.slice(end);
}

/**
 * Adds the type-information notice as the last line of a rule doc's generated header.
 * @param {string} content
 * @returns {string}
 */
export function addTypeInformationNotice(content) {
  const end = content.indexOf(END_RULE_HEADER);
  if (end === -1) return content;
  const eol = content.includes('\r\n') ? '\r\n' : '\n';
  return `${content.slice(0, end)}${TYPE_INFORMATION_NOTICE}${eol}${eol}${content.slice(end)}`;
}

/**
 * The `postprocess` option for eslint-doc-generator, for a plugin's rule map.
 * @param {Readonly<Record<string, { meta?: { docs?: { usesTypeInformation?: boolean } } }>>} rules
 * @returns {(content: string, pathToFile: string) => string}
 */
export function createDocsPostprocess(rules) {
  const usesTypeInformation = (name) => Object.hasOwn(rules, name) && rules[name].meta?.docs?.usesTypeInformation === true;
  return (content, pathToFile) => {
    const normalized = pathToFile.replaceAll('\\', '/');
    const ruleDoc = /\/docs\/rules\/([^/]+)\.md$/.exec(normalized);
    if (ruleDoc) return usesTypeInformation(ruleDoc[1]) ? addTypeInformationNotice(content) : content;
    return addTypeInformationColumn(content, usesTypeInformation);
  };
}
