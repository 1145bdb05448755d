// Helpers for rule tests: where a snippet is in a case's code, and whether code type-checks in a fixture project.
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The location of the `occurrence`-th `snippet` in `code`, as the rule tester reports it. */
export function at(code: string, snippet: string, occurrence = 0): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = code.indexOf(snippet, index + 1);
    if (index === -1) throw new Error(`snippet not found: ${snippet}`);
  }
  const position = (offset: number): { line: number; column: number } => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  };
  const start = position(index);
  const end = position(index + snippet.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * Files on disk (the lib's declarations above all, and the fixture modules) parsed once for every
 * program these checks build: parsing the lib again for each program was most of their time.
 */
const diskSourceFiles = new Map<string, ts.SourceFile | undefined>();

/** TypeScript's errors for each in-memory file, compiled together in the project at `projectDir`. */
export function typeErrors(projectDir: string, files: readonly string[]): string[][] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(projectDir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('no tsconfig');
  const virtual = new Map(files.map((text, index) => [path.join(projectDir, `__fix_check_${String(index)}.ts`), `${text}\nexport {};\n`]));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, language);
    const key = `${fileName}\0${JSON.stringify(language)}`;
    if (!diskSourceFiles.has(key)) diskSourceFiles.set(key, getSourceFile(fileName, language, ...rest));
    return diskSourceFiles.get(key);
  };
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists(fileName);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile(fileName);
  const program = ts.createProgram([...virtual.keys()], parsed.options, host);
  return [...virtual.keys()].map((fileName) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName)).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')),
  );
}

/**
 * A rule without options: the configuration `'error'` is accepted, and one with `options` is rejected by
 * ESLint with a message naming the rule.
 */
export function describeRejectsOptions(name: string, rule: unknown, code: string, options: object): void {
  describe(`${name} options`, () => {
    it('takes none: a configuration with options is rejected, naming the rule', () => {
      const lint = (entry: unknown): void => {
        new Linter({ configType: 'flat' }).verify(code, [
          { plugins: { 'error-handling': { rules: { [name]: rule as never } } }, rules: { [`error-handling/${name}`]: entry as never } },
        ]);
      };
      expect(() => {
        lint('error');
      }).not.toThrow();
      expect(() => {
        lint(['error', options]);
      }).toThrow(new RegExp(`error-handling/${name}[\\s\\S]*should NOT have more than 0 items`, 'u'));
    });
  });
}

/**
 * Lints `code` as a `.js` file with ESLint's default parser (espree, no type information) and the one
 * rule on: `[messageId, line, column]` of each message.
 */
export function lintJavaScript(name: string, rule: unknown, code: string): [string | undefined, number, number][] {
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [{ plugins: { 'error-handling': { rules: { [name]: rule as never } } }, rules: { [`error-handling/${name}`]: 'error' } }],
    { filename: 'file.js' },
  );
  return messages.map((message) => [message.messageId, message.line, message.column]);
}

/** Lints `code` as a TypeScript file of `projectDir` with the rule configured with `options`; throws what ESLint throws for invalid options. */
export function lintWithOptions(projectDir: string, name: string, rule: unknown, code: string, options: unknown): void {
  new Linter({ configType: 'flat', cwd: projectDir }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { 'error-handling': { rules: { [name]: rule as never } } },
        rules: { [`error-handling/${name}`]: ['error', options] as never },
      },
    ],
    { filename: path.join(projectDir, 'file.ts') },
  );
}
