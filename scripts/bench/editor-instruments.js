// Instruments for `npm run bench:editor`, loaded by the bench projects' eslint.config.js inside the language
// server.
//
// The `checker` configuration's probe rule only makes typescript-eslint's program create its type checker,
// as the first type question of any type-aware rule does after each keystroke (every edit makes a new
// program): the fixed cost that our rules share with every other typed rule.
//
// For `--per-rule`: the plugin with every rule's listeners timed. The time each rule spends in its listeners (checker work they cause included) adds up
// over the server's life; a last rule, `timing/report`, reports the running totals as a diagnostic at
// `Program:exit`, after every other rule's listeners (ESLint calls them in the order the rules are
// configured), so the bench reads each pull's share as the difference between two pulls.
export const TIMING_RULE = 'timing/report';

/** CPU time of the process (µs resolution): less disturbed than wall time by other processes on a shared machine. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export const checkerProbePlugin = {
  rules: {
    'create-checker': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        return {
          Program() {
            context.sourceCode.parserServices?.program?.getTypeChecker();
          },
        };
      },
    },
  },
};

/** `plugin` with timed rules, and the plugin whose rule reports the totals. */
export function timedPlugins(plugin, namespace) {
  const totals = {};
  const timed = (name, listener) =>
    function timedListener(...args) {
      const started = cpuMs();
      try {
        return listener.apply(this, args);
      } finally {
        totals[name] = (totals[name] ?? 0) + cpuMs() - started;
      }
    };
  const rules = Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        create(context) {
          const started = cpuMs();
          const listeners = rule.create(context);
          totals[`${namespace}/${name}`] = (totals[`${namespace}/${name}`] ?? 0) + cpuMs() - started;
          return Object.fromEntries(Object.entries(listeners).map(([selector, listener]) => [selector, timed(`${namespace}/${name}`, listener)]));
        },
      },
    ]),
  );
  const report = {
    meta: { type: 'problem', schema: [], messages: { totals: '{{totals}}' } },
    create(context) {
      return {
        'Program:exit'(node) {
          context.report({ node, messageId: 'totals', data: { totals: JSON.stringify(totals) } });
        },
      };
    },
  };
  return { timedPlugin: { ...plugin, rules }, timingPlugin: { rules: { report } } };
}
