const cache = new Map<string, RegExp>();

/**
 * Compiles a regular-expression option (Unicode mode) once per pattern; an invalid one throws an
 * error that names the option, as ESLint does for options its schema rejects.
 */
export function compileOptionPattern(option: string, pattern: string): RegExp {
  let regex = cache.get(pattern);
  if (!regex) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch (error) {
      throw new Error(`The option "${option}" (${JSON.stringify(pattern)}) is not a valid regular expression: ${(error as Error).message}`, {
        cause: error,
      });
    }
    cache.set(pattern, regex);
  }
  return regex;
}
