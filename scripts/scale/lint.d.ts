// Types for lint.js (a plain Node ESM module, so `npm run bench:scale` needs no build step).
import type { Linter } from 'eslint';
import type * as ts from 'typescript';
import type { Language } from './generators.js';

export interface LintablePlugin {
  rules: Record<string, unknown>;
}

export const PLUGIN_NAMESPACE: string;
export const VIRTUAL_ROOT: string;
export function virtualPath(name: string, size: number, language: Language): string;
export function createProgram(files: ReadonlyMap<string, string>): ts.Program;
export function scaleConfig(plugin: LintablePlugin, rules: readonly string[], program?: ts.Program): Linter.Config[];
export function allRules(plugin: LintablePlugin): string[];
export function createLinter(): Linter;
export function timedPlugin<P extends LintablePlugin>(plugin: P): { plugin: P; times: Map<string, number>; reset(): void };
