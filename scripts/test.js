#!/usr/bin/env node
// `npm test`: the build, then the type check and Vitest side by side.
//
// The build only emits (`tsc --noCheck`: the same dist/ as `npm run build`, in a third of the time),
// because the type check right after it covers src/ as well as the tests, the scripts and the examples.
// Most test files import src/ directly; the ones that lint with the built or packed plugin need dist/,
// so Vitest starts once the build is done; the type check (which needs no dist/) runs from the start,
// beside the build and then beside Vitest, instead of before them: on a 2-core machine that keeps both
// cores busy for the whole run. Vitest's output streams as it comes; the type check's is printed whole
// when it ends. The script fails when any step fails. Arguments go to
// Vitest: `npm test -- tests/rules/catch-order.test.ts`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const windows = process.platform === 'win32';
const npx = windows ? 'npx.cmd' : 'npx';

/** Runs a command; with `collect`, its output is kept and printed whole at the end. Resolves with its exit code. */
function run(label, args, { collect }) {
  return new Promise((resolve) => {
    const child = spawn(npx, args, { stdio: collect ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell: windows });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      output += `${error.message}\n`;
      resolve(1);
    });
    child.on('close', (code) => {
      if (collect) process.stdout.write(`> ${label}: ${code === 0 ? 'ok' : `failed (exit ${String(code)})`}\n${output}`);
      resolve(code ?? 1);
    });
  });
}

/** Runs the steps one after the other, stopping at the first that fails. */
async function sequence(steps) {
  for (const step of steps) {
    const code = await step();
    if (code !== 0) return code;
  }
  return 0;
}

fs.rmSync('dist', { recursive: true, force: true });
// The type check starts with the build (which uses one core), and Vitest as soon as the build is done.
const typecheck = sequence([
  () => run('typecheck (tsconfig.json)', ['tsc', '-p', 'tsconfig.json'], { collect: true }),
  () => run('typecheck (examples/tsconfig.json)', ['tsc', '-p', 'examples/tsconfig.json'], { collect: true }),
]);
const built = await run('build (tsc --noCheck)', ['tsc', '-p', 'tsconfig.build.json', '--noCheck'], { collect: true });
const vitest =
  built === 0
    ? run(
        'vitest',
        ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=tests/.tmp/vitest-results.json', ...process.argv.slice(2)],
        { collect: false },
      )
    : Promise.resolve(built);
const codes = await Promise.all([typecheck, vitest]);
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
