// Generated inputs that grow one dimension of a handler without bound: nesting depth, the number of
// tests of one error, the length of a promise chain. tests/integration/stress.test.ts lints them with
// every rule on (no rule may throw), and `npm run bench:scale` (scripts/bench-scale.js) times the rules
// on them at growing sizes. Each generator writes TypeScript (valid, declaring what it uses, so the
// type checker answers too) or the same code as JavaScript.

/**
 * @typedef {'ts' | 'js'} Language
 * @typedef {object} Generator
 * @property {string} name
 * @property {(size: number, language: Language) => string} generate
 * @property {{ js: number, ts: number }} limit  the largest size linted, per language: 1,000 deep or 5,000
 *   long where the parser handles it, else well below the largest size it handles (its recursion, not
 *   ours, is the limit; a cold process has less room than a warm one)
 * @property {{ js: number, ts: number } | undefined} stress  the size tests/integration/stress.test.ts lints
 *   (none: not linted there)
 * @property {number} bench  the smallest size `bench:scale` times (then twice and four times that, up to
 *   the limit)
 */

/** How many tests of a chain test the error's class (the first ones); the others test its code. */
const CLASSES = 20;

/** `class C<i> extends Error { name = 'C<i>'; }` for i < count. */
function errorClasses(count, language) {
  const lines = [];
  for (let index = 0; index < count; index += 1) lines.push(`class C${index} extends Error {\n  ${typed(language, 'override ')}name = 'C${index}';\n}`);
  return lines.join('\n');
}

/** Test number `index` of one error: its class for the first ones, its code for the rest (no two tests alike). */
function errorTest(index, language) {
  if (index < CLASSES) return `error instanceof C${index}`;
  return `${language === 'ts' ? '(error as { code?: string })' : 'error'}.code === 'E${index}'`;
}

/** Declarations of the functions the generated code calls (TypeScript only; JavaScript sees globals). */
function prelude(language) {
  if (language === 'js') return '';
  return 'declare function step(index: number): void;\ndeclare function cleanup(index: number): void;\n';
}

/** A type annotation in TypeScript, nothing in JavaScript. */
function typed(language, annotation) {
  return language === 'ts' ? annotation : '';
}

/** A catch nested in a catch `depth` deep; each handler tries the next step, then rethrows its own error. */
function nestedCatch(depth, language) {
  let body = `try {\n  step(${depth});\n} catch (error${depth}) {\n  console.error(error${depth});\n}`;
  for (let level = depth - 1; level >= 0; level -= 1) {
    body = `try {\n  step(${level});\n} catch (error${level}) {\n${body}\nthrow error${level};\n}`;
  }
  return `${prelude(language)}export function nestedCatch()${typed(language, ': void')} {\n${body}\n}\n`;
}

/** The start of a function whose `try` block calls `step(0)` and whose handler's body follows. */
function handlerStart(name, language, parameter = 'error') {
  return `export function ${name}()${typed(language, ': number')} {\n  try {\n    step(0);\n    return -1;\n  } catch (${parameter}) {\n`;
}

/** One catch whose `if … else if …` chain makes `count` tests of the error before rethrowing it. */
function elseIfChain(count, language) {
  const branches = [];
  for (let index = 0; index < count; index += 1) {
    branches.push(`${index === 0 ? '    ' : '    } else '}if (${errorTest(index, language)}) {\n      return ${index};`);
  }
  return `${prelude(language)}${errorClasses(Math.min(count, CLASSES), language)}\n${handlerStart('elseIfChain', language)}${branches.join('\n')}\n    } else {\n      throw error;\n    }\n  }\n}\n`;
}

/** Guard clauses on the error's code before a final rethrow: `if (error.code === 'E<i>') return i;`. */
function guardClauses(count, language) {
  const guards = [];
  for (let index = 0; index < count; index += 1) guards.push(`    if (error.code === 'E${index}') return ${index};`);
  return `${prelude(language)}${handlerStart('guardClauses', language, `error${typed(language, ': any')}`)}${guards.join('\n')}\n    throw error;\n  }\n}\n`;
}

/** `switch (true)` with `count` cases testing the error and a rethrowing default. */
function switchTrue(count, language) {
  const cases = [];
  for (let index = 0; index < count; index += 1) cases.push(`      case ${errorTest(index, language)}:\n        return ${index};`);
  return `${prelude(language)}${errorClasses(Math.min(count, CLASSES), language)}\n${handlerStart('switchTrue', language)}    switch (true) {\n${cases.join('\n')}\n      default:\n        throw error;\n    }\n  }\n}\n`;
}

/** `switch (true)` with one `case error instanceof C<i>:` per class, `count` classes declared. */
function switchTrueClasses(count, language) {
  const cases = [];
  for (let index = 0; index < count; index += 1) cases.push(`      case error instanceof C${index}:\n        return ${index};`);
  return `${prelude(language)}${errorClasses(count, language)}\n${handlerStart('switchTrueClasses', language)}    switch (true) {\n${cases.join('\n')}\n      default:\n        throw error;\n    }\n  }\n}\n`;
}

/** A promise chain of `count` links, alternating `.then(…)` and a `.catch(…)` that logs the error and recovers. */
function promiseChain(count, language) {
  const links = [];
  for (let index = 0; index < count; index += 1) {
    links.push(
      index % 2 === 0
        ? `.then((value) => value + ${index})`
        : `.catch((error${typed(language, ': unknown')}) => {\n      console.error(error);\n      return ${index};\n    })`,
    );
  }
  return `${prelude(language)}export function promiseChain(start${typed(language, ': Promise<number>')})${typed(language, ': Promise<number>')} {\n  return start\n    ${links.join('\n    ')};\n}\n`;
}

/** One `||` chain of `count` tests of the error: the handler recovers from any of them, else rethrows. */
function orChain(count, language) {
  const tests = [];
  for (let index = 0; index < count; index += 1) tests.push(errorTest(index, language));
  return `${prelude(language)}${errorClasses(Math.min(count, CLASSES), language)}\n${handlerStart('orChain', language)}    if (\n      ${tests.join(' ||\n      ')}\n    ) {\n      return 1;\n    }\n    throw error;\n  }\n}\n`;
}

/**
 * `try … finally` nested `depth` deep in the `try` block, each `finally` cleaning up after its own step.
 * (A `finally` nested in a `finally` is exponential in ESLint's own code path analysis: 18 deep takes 30 s.)
 */
function nestedFinally(depth, language) {
  let body = `step(${depth});`;
  for (let level = depth - 1; level >= 0; level -= 1) body = `try {\n  step(${level});\n${body}\n} finally {\n  cleanup(${level});\n}`;
  return `${prelude(language)}export function nestedFinally()${typed(language, ': void')} {\n${body}\n}\n`;
}

// Parser limits measured with ESLint alone in a fresh process (Node 20, default stack): espree parses
// about 1,250 nested catches, 4,500 `else if`, 1,650 promise links, 5,500 `||` and 1,900 nested
// `try … finally`; typescript-eslint's parser about 260, 900, 450, 900 and 440. Typed, `switch (true)`
// is linted at 1,000 cases: its length costs time, not depth, and the scale benchmark times 5,000.
/** @type {readonly Generator[]} */
export const GENERATORS = [
  { name: 'nested-catch', generate: nestedCatch, limit: { js: 1000, ts: 200 }, stress: { js: 1000, ts: 200 }, bench: 250 },
  { name: 'else-if-chain', generate: elseIfChain, limit: { js: 3000, ts: 600 }, stress: { js: 3000, ts: 600 }, bench: 1250 },
  { name: 'guard-clauses', generate: guardClauses, limit: { js: 5000, ts: 5000 }, stress: undefined, bench: 1250 },
  { name: 'switch-true', generate: switchTrue, limit: { js: 5000, ts: 5000 }, stress: { js: 5000, ts: 1000 }, bench: 1250 },
  { name: 'switch-true-classes', generate: switchTrueClasses, limit: { js: 5000, ts: 5000 }, stress: undefined, bench: 1250 },
  { name: 'promise-chain', generate: promiseChain, limit: { js: 1000, ts: 300 }, stress: { js: 1000, ts: 300 }, bench: 1250 },
  { name: 'or-chain', generate: orChain, limit: { js: 3000, ts: 600 }, stress: { js: 3000, ts: 600 }, bench: 1250 },
  { name: 'nested-finally', generate: nestedFinally, limit: { js: 1000, ts: 250 }, stress: { js: 1000, ts: 250 }, bench: 250 },
];
