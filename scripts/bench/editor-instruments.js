// For `npm run bench:editor -- --per-rule`, loaded by a bench project's eslint.config.js inside the language
// server: the plugin with every rule's listeners timed. The CPU time each rule spends in its listeners (the
// checker work they cause included) adds up over the server's life; a last rule, `timing/report`, reports the running totals as a diagnostic at
// `Program:exit`, after every other rule's listeners (ESLint calls them in the order the rules are
// configured), so the bench reads each pull's share as the difference between two pulls.
export const TIMING_RULE = 'timing/report';

/**
 * CPU time of the whole process (all its threads, µs resolution): less disturbed than wall time by other
 * processes on a shared machine.
 */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

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
