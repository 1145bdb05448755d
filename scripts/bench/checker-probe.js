// Reference points for the bench, not rules anyone runs: what it costs to ask the TypeScript checker
// the fewest questions a type-aware rule can ask. TypeScript types lazily, so the first question in a
// file resolves the imports and declarations it touches; these probes measure that floor.
//   first-call-per-file:        the type of the first call expression of each file (one question per file)
//   first-statement-per-catch:  the type of the first expression statement of each `catch` block

const PROBES = {
  'first-call-per-file': (ask) => {
    let asked = false;
    return {
      CallExpression(node) {
        if (asked) return;
        asked = true;
        ask(node);
      },
    };
  },
  'first-statement-per-catch': (ask) => {
    const asked = new WeakSet();
    return {
      'CatchClause > BlockStatement > ExpressionStatement'(statement) {
        const clause = statement.parent.parent;
        if (asked.has(clause)) return;
        asked.add(clause);
        ask(statement.expression);
      },
    };
  },
};

function probeRule(makeListeners) {
  return {
    meta: { type: 'problem', schema: [], docs: { description: 'bench probe: asks the checker for one type' } },
    create(context) {
      const services = context.sourceCode.parserServices;
      if (!services?.program || !services.esTreeNodeToTSNodeMap) return {};
      const checker = services.program.getTypeChecker();
      return makeListeners((node) => {
        const tsNode = services.esTreeNodeToTSNodeMap.get(node);
        if (tsNode) checker.getTypeAtLocation(tsNode);
      });
    },
  };
}

export const PROBE_NAMESPACE = 'checker-probe';
export const PROBE_NAMES = Object.keys(PROBES);
export const checkerProbePlugin = {
  meta: { name: PROBE_NAMESPACE },
  rules: Object.fromEntries(Object.entries(PROBES).map(([name, makeListeners]) => [name, probeRule(makeListeners)])),
};
