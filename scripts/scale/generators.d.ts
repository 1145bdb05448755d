// Types for generators.js (a plain Node ESM module, so `npm run bench:scale` needs no build step).
export type Language = 'ts' | 'js';

export interface Generator {
  name: string;
  generate(size: number, language: Language): string;
  limit: { js: number; ts: number };
  stress: { js: number; ts: number } | undefined;
  bench: number;
}

export const GENERATORS: readonly Generator[];
