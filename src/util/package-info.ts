import { createRequire } from 'node:module';

interface PackageJson {
  name: string;
  version: string;
  homepage: string;
}

// Read from package.json (resolves from src/ and dist/ alike), so the published name, version and the
// documentation links are defined once, in the manifest that npm shows.
const packageJson = createRequire(import.meta.url)('../../package.json') as PackageJson;

export const PACKAGE_NAME = packageJson.name;
export const PACKAGE_VERSION = packageJson.version;

/** The repository's web page: `homepage` without its `#readme` fragment. */
export const REPOSITORY_URL = packageJson.homepage.replace(/#.*$/, '');

/** Where a rule's page is: `docs/rules/<name>.md`, in the repository and in the package itself. */
export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;
}
