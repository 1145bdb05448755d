import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Quoted source text in a message is shortened past this many characters, so that the message reads at a glance. */
export const MAX_QUOTED_LENGTH = 40;

/** `text` cut to `max` characters, the last of them `…`, when it is longer; its whitespace left as it is. */
export function truncateText(text: string, max = MAX_QUOTED_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `text` on one line (runs of whitespace become one space), shortened with `…` past `max` characters. */
export function shortenText(text: string, max = MAX_QUOTED_LENGTH): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** The source text of `node`, for a message: on one line and shortened past `max` characters. */
export function quoteSource(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | TSESTree.Token, max = MAX_QUOTED_LENGTH): string {
  return shortenText(sourceCode.getText(node), max);
}
