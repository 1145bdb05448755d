// "Fix on save", as an editor's ESLint extension does it: the ESLint class with `fix: true` on the
// bundled examples/ project (its own config, type information on), one file at a time from the text
// in the editor buffer. Only safe fixes may change the text; everything else stays a suggestion.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './packed-plugin.js';

const examplesDir = path.join(repoRoot, 'examples');
const sourceFiles = fs
  .readdirSync(path.join(examplesDir, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => path.join('src', file))
  .sort();

let eslint: ESLint;
const fixed = new Map<string, ESLint.LintResult>();

beforeAll(async () => {
  // examples/eslint.config.js imports the plugin by its package name, which resolves to this repository's dist/.
  eslint = new ESLint({ cwd: examplesDir, overrideConfigFile: 'eslint.config.js', fix: true });
  for (const file of sourceFiles) {
    const text = fs.readFileSync(path.join(examplesDir, file), 'utf8');
    const [result] = await eslint.lintText(text, { filePath: path.join(examplesDir, file) });
    if (result) fixed.set(file, result);
  }
}, 300_000);

describe('fix on save in examples/', () => {
  it('lints every source file', () => {
    expect([...fixed.keys()]).toEqual(sourceFiles);
    expect(sourceFiles.length).toBeGreaterThan(5);
  });

  it('adds the caught error as the cause of the wrapper error, and changes nothing else', () => {
    const file = path.join('src', 'payments', 'payment-client.ts');
    const original = fs.readFileSync(path.join(examplesDir, file), 'utf8');
    const before = 'throw new PaymentError(`could not charge order ${orderId}`);';
    const after = 'throw new PaymentError(`could not charge order ${orderId}`, { cause: error });';
    expect(original.split(before)).toHaveLength(2);
    expect(fixed.get(file)?.output).toBe(original.replace(before, after));
  });

  it('leaves every other file untouched: the other mistakes get suggestions, not fixes', () => {
    const changed = [...fixed].filter(([, result]) => result.output !== undefined).map(([file]) => file);
    expect(changed).toEqual([path.join('src', 'payments', 'payment-client.ts')]);
  });

  it('is idempotent: the fixed text has nothing left to fix and parses', async () => {
    for (const [file, result] of fixed) {
      const text = result.output ?? result.source ?? fs.readFileSync(path.join(examplesDir, file), 'utf8');
      const [again] = await eslint.lintText(text, { filePath: path.join(examplesDir, file) });
      expect(again?.output, file).toBeUndefined();
      expect(again?.messages.filter((message) => message.fatal), file).toEqual([]);
    }
  });

  it('fixes only the problem it reports: the remaining problems are the same as before, minus the fixed one', async () => {
    const plain = new ESLint({ cwd: examplesDir, overrideConfigFile: 'eslint.config.js' });
    const file = path.join('src', 'payments', 'payment-client.ts');
    const [before] = await plain.lintFiles([file]);
    const remaining = fixed.get(file)?.messages.map((message) => `${String(message.ruleId)}:${message.messageId ?? ''}`);
    const expected = before?.messages
      .filter((message) => !(message.ruleId === 'error-handling/require-error-cause' && message.fix))
      .map((message) => `${String(message.ruleId)}:${message.messageId ?? ''}`);
    expect(remaining).toEqual(expected);
    expect(before?.messages.some((message) => message.fix)).toBe(true);
  });
});
