#!/usr/bin/env node
// `npm test`'s first step: the build (`npm run build`) and the type check (`npm run typecheck`) are two
// independent compiler runs of about the same length, so they run side by side, one per core. Each one's
// output is printed whole when it ends; the script fails when either fails.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>`, collecting its output, and resolves with its exit code. */
function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      output += `${error.message}\n`;
      resolve(1);
    });
    child.on('close', (code) => {
      process.stdout.write(`> npm run ${script}: ${code === 0 ? 'ok' : `failed (exit ${String(code)})`}\n${output}`);
      resolve(code ?? 1);
    });
  });
}

const codes = await Promise.all([run('build'), run('typecheck')]);
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
