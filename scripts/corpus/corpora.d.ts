// Types for corpora.js (a plain Node ESM module, so `npm run corpus` needs no build step).
import type { Linter } from 'eslint';

export interface CorpusDefinition {
  name: string;
  kind: 'typed' | 'js';
  dir: string;
  packageName?: string;
  include: string[];
  siblings?: string[];
  tsconfig?: string;
  sourceType?: 'commonjs' | 'module' | 'script';
}

export const repoRoot: string;
export const TYPED_CORPORA: CorpusDefinition[];
export const JS_CORPORA: CorpusDefinition[];
export const ALL_CORPORA: CorpusDefinition[];
export const TEST_SUBSET: string[];
export const NODE_GLOBALS: Record<string, 'readonly'>;
/** Groups of typed corpora by name: `libraries`, `application`. */
export const CORPUS_GROUPS: Record<string, string[]>;
export function selectCorpora(names: string[] | undefined, corpora?: CorpusDefinition[]): CorpusDefinition[];
export function listCorpusFiles(corpus: CorpusDefinition, root?: string): string[];
export function corpusVersion(corpus: CorpusDefinition, root?: string): string | undefined;
export function buildCorpusConfig(options: {
  root?: string;
  corpora: CorpusDefinition[];
  plugins?: Record<string, unknown>;
  rules?: Record<string, unknown>;
  types?: boolean;
}): Linter.Config[];
export function loadBuiltPlugin(root?: string): Promise<{ plugin: CorpusPlugin; handlers: HandlerAnalysis }>;

export interface CorpusPlugin {
  meta?: { name?: string; version?: string; namespace?: string };
  rules: Record<string, unknown>;
}

/** The parts of `src/analysis/handlers/handlers.ts` the harness uses to count handlers. */
export interface HandlerAnalysis {
  PROMISE_HANDLER_CALL_SELECTOR: string;
  getCatchClauseHandler: (...args: never[]) => unknown;
  getPromiseHandler: (...args: never[]) => { kind: string } | undefined;
}
