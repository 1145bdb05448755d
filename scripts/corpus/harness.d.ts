// Types for harness.js (a plain Node ESM module, so `npm run corpus` needs no build step).
import type { CorpusDefinition, CorpusPlugin, HandlerAnalysis } from './corpora.js';

export interface HandlerCounts {
  catchClauses: number;
  promiseCatch: number;
  promiseThen: number;
  promiseFinally: number;
}

export interface Crash {
  file: string;
  rule: string | null;
  phase: string;
  line: number | null;
  message: string;
  stack?: string;
}

export interface NewDiagnostic {
  file: string;
  code: number;
  message: string;
  line: number | null;
  count: number;
  corpus: string;
}

export interface CorpusReport {
  name: string;
  kind: 'typed' | 'js';
  package: string;
  tsconfig?: string;
  files: number;
  handlers: HandlerCounts;
  reports: number;
  typeErrorsBefore: number | null;
}

export interface Sample {
  corpus: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId?: string;
  message: string;
  fixable: boolean;
  suggestions: string[];
  excerpt: string;
}

export interface RuleSummary {
  reports: number;
  fixable: number;
  withSuggestions: number;
  suggestions: number;
  byCorpus: Record<string, number>;
}

export interface CorpusRunResult {
  rules: string[];
  corpora: CorpusReport[];
  totals: { files: number; handlers: HandlerCounts; reports: number };
  perRule: Record<string, RuleSummary>;
  crashes: Crash[];
  parseErrors: { file: string; line: number; message: string }[];
  autofix: {
    filesFixed: number;
    fixesApplied: number;
    fixesDeferred: number;
    byRule: Record<string, number>;
    parseFailures: { file: string; rules: string[]; line: number; message: string }[];
    nonIdempotent: { file: string; rule: string; line: number; firstMessage: string; secondMessage: string }[];
    newFixableProblems: { file: string; rule: string; line: number; message: string }[];
    newTypeErrors: (NewDiagnostic & { rules: string[]; crossFile: boolean })[];
    typeChecked: { corpus: string; filesChanged: number }[];
  };
  suggestions: {
    applied: number;
    batches: number;
    byRule: Record<string, number>;
    parseFailures: { file: string; rule: string; suggestion: string; line: number; message: string }[];
    newTypeErrors: (NewDiagnostic & {
      batch: number;
      suggestions: { rule: string; messageId: string; line: number }[];
      crossFile: boolean;
    })[];
    typeChecked: { corpus: string; batch: number; filesChanged: number }[];
  };
  samples: Record<string, Sample[]>;
  slowestFiles: { file: string; ms: number }[];
  failures: string[];
  warnings: string[];
  durationMs: number;
}

export interface FixLike {
  fix: { range: [number, number]; text: string };
}

export function emptyHandlerCounts(): HandlerCounts;
export function addHandlerCounts(target: HandlerCounts, source: HandlerCounts): HandlerCounts;
export function totalHandlers(counts: HandlerCounts): number;
export function lineStarts(text: string): number[];
export function applyFixes(
  text: string,
  items: FixLike[],
): { text: string; applied: number[]; skipped: number[]; edits: FixLike['fix'][] };
export function mapOffsetBack(edits: FixLike['fix'][], offset: number): number;
export function crashedRule(error: unknown): string | null;
export function planSuggestionBatches<T extends FixLike & { message: unknown; order: number }>(items: T[]): T[][];
export function pickSamples<T extends { corpus: string }>(reports: T[], size: number): T[];
export function runCorpus(options: {
  plugin: CorpusPlugin;
  handlers: HandlerAnalysis;
  corpora: CorpusDefinition[];
  root?: string;
  fixes?: boolean;
  suggestions?: boolean;
  typeCheck?: boolean;
  typeBaseline?: boolean;
  suggestionTypeCheck?: boolean;
  sampleSize?: number;
  log?: (line: string) => void;
}): Promise<CorpusRunResult>;
export function createHandlerCounter(handlers: HandlerAnalysis): {
  plugin: { meta: { name: string }; rules: Record<string, unknown> };
  counts: Map<string, HandlerCounts>;
};
export function newDiagnostics(
  before: Map<string, { count: number; file: string; code: number; message: string; line: number | null }>,
  after: Map<string, { count: number; file: string; code: number; message: string; line: number | null }>,
): Omit<NewDiagnostic, 'corpus'>[];
