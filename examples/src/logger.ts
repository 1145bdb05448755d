export interface Logger {
  info(message: string, details?: object): void;
  warn(message: string | object, details?: object): void;
  error(message: string | object, details?: object): void;
}

export const logger: Logger = {
  info: (message, details) => console.info(message, details ?? ''),
  warn: (message, details) => console.warn(message, details ?? ''),
  error: (message, details) => console.error(message, details ?? ''),
};

/** Log-friendly text for any value. */
export function describe(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    // Correct: circular structures and BigInts cannot be serialised; String() below is the fallback.
  }
  return String(value);
}
