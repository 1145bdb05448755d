import { ESLint } from 'eslint';
import { buildCorpusConfig, listCorpusFiles, loadBuiltPlugin, selectCorpora, TYPED_CORPORA, repoRoot } from './scripts/corpus/corpora.js';
const corpora = selectCorpora(undefined, TYPED_CORPORA);
const files = corpora.flatMap((c) => listCorpusFiles(c));
const { plugin } = await loadBuiltPlugin();
const rules = Object.fromEntries(Object.keys(plugin.rules).map((r) => ['error-handling/' + r, 'error']));
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, stats: true, overrideConfig: buildCorpusConfig({ corpora, plugins: { 'error-handling': plugin }, rules, types: false }) });
for (let i = 0; i < Number(process.argv[2] ?? 3); i++) {
  const results = await eslint.lintFiles(files);
  const ruleMs = {}; let n = 0;
  for (const r of results) { n += r.messages.length; for (const p of r.stats?.times.passes ?? []) for (const [k, v] of Object.entries(p.rules ?? {})) ruleMs[k] = (ruleMs[k] ?? 0) + v.total; }
  const total = Object.values(ruleMs).reduce((a, b) => a + b, 0);
  console.log(`run ${i}: total ${total.toFixed(0)} ms, ${n} msgs |`, Object.entries(ruleMs).map(([k, v]) => `${k.split('/')[1]}:${v.toFixed(0)}`).join(' '));
}
