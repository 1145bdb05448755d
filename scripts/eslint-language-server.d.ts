// Types for scripts/eslint-language-server.js (plain ESM, shared by tests/integration/editor.test.ts and
// scripts/bench-editor.js). Only the parts of LSP 3.17 that the ESLint language server uses.
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
export interface WorkspaceEdit {
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
  changes?: Record<string, TextEdit[]>;
}
export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  edit?: WorkspaceEdit;
  command?: Command;
}
export interface ReceivedMessage {
  kind: 'notification' | 'request';
  method: string;
  params: unknown;
}

export declare const DEFAULT_TIMEOUT_MS: number;
export declare function eslintServerBin(): string;
export declare function fileUri(file: string): string;
export declare function offsetAt(text: string, position: Position): number;
export declare function positionAt(text: string, offset: number): Position;
export declare function applyTextEdits(text: string, edits: readonly TextEdit[]): string;
export declare function vscodeEslintSettings(workspaceFolder: string): Record<string, unknown>;

export declare class LanguageServerConnection {
  readonly received: ReceivedMessage[];
  readonly pid: number | undefined;
  constructor(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv });
  onRequest(method: string, handler: (params: never) => unknown): void;
  request<T = unknown>(method: string, params: unknown, timeoutMs?: number): Promise<T>;
  notify(method: string, params: unknown): void;
  waitFor(
    predicate: (message: ReceivedMessage) => boolean,
    description: string,
    options?: { since?: number; timeoutMs?: number },
  ): Promise<ReceivedMessage>;
  stop(timeoutMs?: number): Promise<void>;
  readonly log: string;
}

export declare class EslintLanguageServer {
  readonly connection: LanguageServerConnection;
  readonly appliedEdits: WorkspaceEdit[];
  readonly openedDocs: string[];
  static start(options: {
    workspaceFolders: readonly string[];
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    /** Node.js options for the server process (`--cpu-prof`, …). */
    execArgv?: readonly string[];
  }): Promise<EslintLanguageServer>;
  open(file: string, text: string): string;
  text(uri: string): string;
  change(uri: string, edits: readonly TextEdit[]): void;
  replace(uri: string, search: string, replacement: string): void;
  close(uri: string): void;
  pullDiagnostics(uri: string): Promise<Diagnostic[]>;
  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[]): Promise<CodeAction[]>;
  executeCommand(command: Command): Promise<unknown>;
  stop(): Promise<void>;
}
