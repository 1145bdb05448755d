// eslint-doc-generator settings (`npm run docs` writes, `npm run docs:check` fails when anything is stale).
// Both scripts build first: the generator and the postprocess step read the BUILT plugin in `dist/`.
import plugin from './dist/index.js';
import { createDocsPostprocess } from './scripts/docs-postprocess.js';

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options', 'deprecated'],
  ruleDocNotices: ['description', 'deprecated', 'configs', 'fixableAndHasSuggestions', 'options'],
  // The sections every rule doc has (see the rule-doc conventions); `## Options` is required by default
  // for rules with options and must name each option.
  ruleDocSectionInclude: ['Examples', 'Type information', 'When Not To Use It', 'Related'],
  postprocess: createDocsPostprocess(plugin.rules),
};

export default config;
