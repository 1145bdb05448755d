// The CommonJS entry (`require('eslint-plugin-error-handling')`, the `require` condition in package.json).
// It hands back the ES module's own plugin object, not a copy: ESLint tells plugins apart by identity, so a
// config that `require`s the plugin and one that `import`s it must see the same object. Every Node.js
// version in `engines` can `require()` an ES module without top-level `await`.
import plugin = require('./index.js');

export = plugin.default;
