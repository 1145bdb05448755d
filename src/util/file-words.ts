import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Keywords a rule's whole subject needs: a file without `try` has no `try` statement to read, one
 * without `finally` has no `finally` block or `.finally(…)` callback. Searching the text is far cheaper
 * than letting a listener run on every call or statement of the file, and most files of a codebase
 * have no handler at all: a rule whose keyword is missing returns no listeners. A word found only in a
 * comment or a string costs nothing but the rule's usual work.
 */
export type SubjectWord = 'try' | 'finally' | 'catch-or-then';

const PATTERNS: Readonly<Record<SubjectWord, RegExp>> = {
  try: /\btry\b/u,
  finally: /\bfinally\b/u,
  'catch-or-then': /\b(?:catch|then)\b/u,
};

const found = new WeakMap<TSESLint.SourceCode, Map<SubjectWord, boolean>>();

/** Whether the file's text contains `word` as a whole word anywhere (cached per file). */
export function mentions(sourceCode: TSESLint.SourceCode, word: SubjectWord): boolean {
  let words = found.get(sourceCode);
  if (!words) {
    words = new Map();
    found.set(sourceCode, words);
  }
  let answer = words.get(word);
  if (answer === undefined) {
    answer = PATTERNS[word].test(sourceCode.text);
    words.set(word, answer);
  }
  return answer;
}
