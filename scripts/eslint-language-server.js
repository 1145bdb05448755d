// The ESLint language server as an editor drives it, for tests/integration/editor.test.ts and
// scripts/bench-editor.js: `vscode-eslint-language-server --stdio` (the server of the VS Code ESLint
// extension, from the npm package vscode-langservers-extracted) and a small LSP 3.17 client over its
// stdin/stdout: Content-Length framing, requests with ids, notifications, and answers to the requests the
// server sends (`workspace/configuration` with the settings the VS Code extension sends, `workspace/applyEdit`,
// `eslint/openDoc`). Every wait is for an event, with a generous limit that only a hung server reaches.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** How long a request or an awaited message may take before the wait fails (a cold typed lint included). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** The server's entry script, found through the `bin` field of its package. */
export function eslintServerBin() {
  const manifestPath = require.resolve('vscode-langservers-extracted/package.json');
  const manifest = require(manifestPath);
  return path.join(path.dirname(manifestPath), manifest.bin['vscode-eslint-language-server']);
}

export const fileUri = (file) => pathToFileURL(file).href;

/** Splits a byte stream into the JSON bodies of `Content-Length`-framed messages. */
class MessageReader {
  #buffer = Buffer.alloc(0);

  /** Adds a chunk and returns the messages it completed. */
  push(chunk) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const messages = [];
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return messages;
      const header = this.#buffer.subarray(0, headerEnd).toString('ascii');
      const length = /^Content-Length: *(\d+)$/im.exec(header);
      if (!length) throw new Error(`LSP message without Content-Length: ${header}`);
      const bodyStart = headerEnd + 4;
      const bodyEnd = bodyStart + Number(length[1]);
      if (this.#buffer.length < bodyEnd) return messages;
      messages.push(JSON.parse(this.#buffer.subarray(bodyStart, bodyEnd).toString('utf8')));
      this.#buffer = this.#buffer.subarray(bodyEnd);
    }
  }
}

/**
 * A language server child process and the client side of its connection. Messages from the server are
 * kept in `received` (notifications and requests, in order), so a test can wait for one that arrives
 * before or after it starts waiting.
 */
export class LanguageServerConnection {
  #child;
  #nextId = 1;
  #pending = new Map();
  #requestHandlers = new Map();
  #waiters = new Set();
  #stderr = '';
  #exited;
  /** @type {{ kind: 'notification' | 'request', method: string, params: unknown }[]} */
  received = [];

  constructor(command, args, options) {
    this.#child = spawn(command, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
    const reader = new MessageReader();
    this.#child.stdout.on('data', (chunk) => {
      for (const message of reader.push(chunk)) this.#dispatch(message);
    });
    this.#child.stderr.on('data', (chunk) => (this.#stderr += chunk));
    // Writing to a server that has died fails here; the exit handler below rejects what waits for it.
    this.#child.stdin.on('error', () => undefined);
    this.#exited = new Promise((resolve) => {
      this.#child.on('exit', (code, signal) => {
        const reason = new Error(`the language server exited (code ${code}, signal ${signal})${this.#diagnosticTail()}`);
        for (const { reject } of this.#pending.values()) reject(reason);
        this.#pending.clear();
        for (const waiter of this.#waiters) waiter.reject(reason);
        this.#waiters.clear();
        resolve({ code, signal });
      });
    });
    this.#child.on('error', (error) => {
      for (const { reject } of this.#pending.values()) reject(error);
    });
  }

  get pid() {
    return this.#child.pid;
  }

  /** Answers the server's requests of `method` with `handler(params)`'s result. */
  onRequest(method, handler) {
    this.#requestHandlers.set(method, handler);
  }

  request(method, params, timeoutMs = DEFAULT_TIMEOUT_MS) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms${this.#diagnosticTail()}`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (result) => (clearTimeout(timer), resolve(result)),
        reject: (error) => (clearTimeout(timer), reject(error)),
        method,
      });
      this.#write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.#write({ jsonrpc: '2.0', method, params });
  }

  /**
   * The first message from the server at index `since` or later in `received` for which `predicate`
   * holds; waits for it when it has not arrived yet.
   */
  waitFor(predicate, description, { since = 0, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const found = this.received.slice(since).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (message) => (clearTimeout(timer), this.#waiters.delete(waiter), resolve(message)),
        reject: (error) => (clearTimeout(timer), this.#waiters.delete(waiter), reject(error)),
      };
      const timer = setTimeout(() => waiter.reject(new Error(`no ${description} within ${timeoutMs} ms${this.#diagnosticTail()}`)), timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** `shutdown`, `exit`, and the process's end (killed if it does not end by itself). */
  async stop(timeoutMs = 10_000) {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      try {
        await this.request('shutdown', null, timeoutMs);
        this.notify('exit', null);
      } catch {
        // A server that cannot shut down cleanly is killed below.
      }
    }
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), timeoutMs);
    await this.#exited;
    clearTimeout(timer);
  }

  /** The server's log lines (`window/logMessage`) and stderr, for failure messages. */
  get log() {
    const messages = this.received.filter((message) => message.method === 'window/logMessage').map((message) => message.params.message);
    return [...messages, this.#stderr].join('\n');
  }

  #diagnosticTail() {
    const log = this.log.trim();
    return log ? `; server log:\n${log.slice(-4000)}` : '';
  }

  #write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.#child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.#child.stdin.write(body);
  }

  #dispatch(message) {
    if ('id' in message && !('method' in message)) {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.error) pending.reject(new Error(`${pending.method} failed: ${message.error.message}${this.#diagnosticTail()}`));
      else pending.resolve(message.result);
      return;
    }
    const isRequest = 'id' in message;
    const received = { kind: isRequest ? 'request' : 'notification', method: message.method, params: message.params };
    this.received.push(received);
    if (isRequest) void this.#answer(message);
    for (const waiter of [...this.#waiters]) if (waiter.predicate(received)) waiter.resolve(received);
  }

  async #answer({ id, method, params }) {
    const handler = this.#requestHandlers.get(method);
    try {
      const result = handler ? await handler(params) : null;
      this.#write({ jsonrpc: '2.0', id, result: result ?? null });
      // eslint-disable-next-line error-handling/no-catch-all-without-rethrow -- a handler's failure is the request's JSON-RPC error, which the server logs
    } catch (error) {
      this.#write({ jsonrpc: '2.0', id, error: { code: -32603, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } });
    }
  }
}

/**
 * The settings the VS Code ESLint extension (3.x, the server in vscode-langservers-extracted 4.10) sends for
 * a document it syncs, with every `eslint.*` setting at its default: `eslint.validate` unset, so JavaScript
 * and TypeScript are validated in "probe" mode (the default `eslint.probe` list); working directory by the
 * location of the nearest eslint.config.*; flat config; disable comments and "Show documentation" on.
 * The shape is what the server reads (lib/eslint-language-server/eslint.js, `resolveSettings`).
 */
export function vscodeEslintSettings(workspaceFolder) {
  return {
    validate: 'probe',
    packageManager: 'npm',
    useESLintClass: false,
    experimental: { useFlatConfig: false },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: path.basename(workspaceFolder), uri: fileUri(workspaceFolder) },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
  };
}

/** What the VS Code client declares that changes the server's behaviour (code action literals, pull diagnostics). */
const CLIENT_CAPABILITIES = {
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    executeCommand: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll', 'source.organizeImports'] },
      },
    },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
  },
};

/** Converts an LSP position (UTF-16 code units, as JavaScript strings count) to an offset in `text`. */
export function offsetAt(text, { line, character }) {
  let offset = 0;
  for (let current = 0; current < line; current += 1) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  return Math.min(offset + character, lineEnd === -1 ? text.length : lineEnd);
}

export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies LSP text edits (non-overlapping, all against the same original text). */
export function applyTextEdits(text, edits) {
  const located = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of located) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

const LANGUAGE_IDS = { '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript' };

/**
 * The ESLint language server with one client: documents opened and edited as an editor does, diagnostics
 * pulled, code actions asked for and their commands run. Workspace folders are given up front; each
 * document's settings name the folder that contains it.
 */
export class EslintLanguageServer {
  /** @type {LanguageServerConnection} */
  connection;
  #workspaceFolders;
  #documents = new Map();
  /** Edits the server asked the client to apply (`workspace/applyEdit`), in order. */
  appliedEdits = [];
  /** URLs the server asked the client to open (`eslint/openDoc`), in order. */
  openedDocs = [];

  static async start({ workspaceFolders, cwd = workspaceFolders[0], env = process.env, execArgv = [] }) {
    const server = new EslintLanguageServer(workspaceFolders, { cwd, env, execArgv });
    try {
      await server.#initialize();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  constructor(workspaceFolders, { cwd, env, execArgv }) {
    this.#workspaceFolders = workspaceFolders.map((folder) => path.resolve(folder));
    this.connection = new LanguageServerConnection(process.execPath, [...execArgv, eslintServerBin(), '--stdio'], { cwd, env });
    this.connection.onRequest('workspace/configuration', ({ items }) =>
      items.map((item) => (item.section || !item.scopeUri ? null : vscodeEslintSettings(this.#folderOf(item.scopeUri)))),
    );
    this.connection.onRequest('workspace/applyEdit', ({ edit }) => {
      this.appliedEdits.push(edit);
      return { applied: true };
    });
    this.connection.onRequest('eslint/openDoc', ({ url }) => {
      this.openedDocs.push(url);
      return {};
    });
    for (const method of ['eslint/noConfig', 'eslint/noLibrary', 'eslint/probeFailed']) this.connection.onRequest(method, () => ({}));
  }

  #folderOf(uri) {
    const file = fileURLToPath(uri);
    const containing = this.#workspaceFolders.filter((folder) => file.startsWith(`${folder}${path.sep}`));
    return containing.sort((a, b) => b.length - a.length)[0] ?? this.#workspaceFolders[0];
  }

  async #initialize() {
    await this.connection.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'eslint-plugin-error-handling tests' },
      rootUri: fileUri(this.#workspaceFolders[0]),
      capabilities: CLIENT_CAPABILITIES,
      workspaceFolders: this.#workspaceFolders.map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) })),
    });
    this.connection.notify('initialized', {});
  }

  /** Opens `file` with `text` (its content on disk by default) and returns its URI. */
  open(file, text) {
    const uri = fileUri(file);
    const languageId = LANGUAGE_IDS[path.extname(file)];
    if (!languageId) throw new Error(`no language id for ${file}`);
    this.#documents.set(uri, { text, version: 1 });
    this.connection.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  text(uri) {
    return this.#documents.get(uri).text;
  }

  /** Sends `edits` (ranges in the current text) as one incremental `didChange`, as an editor does while typing. */
  change(uri, edits) {
    const document = this.#documents.get(uri);
    let text = document.text;
    // Incremental changes apply one after another, each to the result of the previous one.
    for (const edit of edits) text = applyTextEdits(text, [edit]);
    document.text = text;
    document.version += 1;
    this.connection.notify('textDocument/didChange', {
      textDocument: { uri, version: document.version },
      contentChanges: edits.map(({ range, newText }) => ({ range, text: newText })),
    });
  }

  /** Replaces the first occurrence of `search` in the document. */
  replace(uri, search, replacement) {
    const text = this.text(uri);
    const start = text.indexOf(search);
    if (start === -1) throw new Error(`${JSON.stringify(search)} is not in ${uri}`);
    this.change(uri, [{ range: { start: positionAt(text, start), end: positionAt(text, start + search.length) }, newText: replacement }]);
  }

  close(uri) {
    this.#documents.delete(uri);
    this.connection.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** A diagnostics pull (`textDocument/diagnostic`), as the VS Code client sends after each change. */
  async pullDiagnostics(uri) {
    const report = await this.connection.request('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }

  codeActions(uri, range, diagnostics, only) {
    return this.connection.request('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only, triggerKind: 2 } : { triggerKind: 1 }) },
    });
  }

  /** Runs a code action's command; resolves once the server answered (after any edit it asked the client to apply). */
  executeCommand(command) {
    return this.connection.request('workspace/executeCommand', { command: command.command, arguments: command.arguments });
  }

  stop() {
    return this.connection.stop();
  }
}
