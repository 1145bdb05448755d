import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

/**
 * Prepends one line of declarations (`declare const p: Promise<string>; …`) to shared cases, so the
 * same case means the same thing with and without type information. Locations and outputs in the
 * cases are written for the code as shown; this shifts them down by the preamble's line.
 * `shiftData` does the same for message data that names lines.
 */
export function withPreamble<MessageIds extends string, Options extends readonly unknown[]>(
  preamble: string,
  cases: {
    valid: readonly (string | ValidTestCase<Options>)[];
    invalid: readonly InvalidTestCase<MessageIds, Options>[];
  },
  shiftData: (data: Readonly<Record<string, unknown>>) => Record<string, unknown> = (data) => ({ ...data }),
): { valid: ValidTestCase<Options>[]; invalid: InvalidTestCase<MessageIds, Options>[] } {
  if (preamble.includes('\n')) throw new Error('the preamble must be a single line');
  const prefix = `${preamble}\n`;
  const shift = (line: number | undefined): number | undefined => (line === undefined ? undefined : line + 1);
  return {
    valid: cases.valid.map((item) => (typeof item === 'string' ? { code: prefix + item } : { ...item, code: prefix + item.code })),
    invalid: cases.invalid.map((item) => ({
      ...item,
      code: prefix + item.code,
      output: typeof item.output === 'string' ? prefix + item.output : item.output,
      errors: item.errors.map((error) => ({
        ...error,
        data: error.data && shiftData(error.data),
        line: shift(error.line),
        endLine: shift(error.endLine),
        suggestions: error.suggestions?.map((suggestion) => ({ ...suggestion, output: prefix + suggestion.output })) ?? error.suggestions,
      })),
    })),
  };
}
