/** The lowest Node.js major the CLI runs on: package.json's `engines.node` (tests/docs/package.test.ts keeps them equal). */
export const LOWEST_NODE_MAJOR = 22;

/**
 * Why this Node.js cannot run the CLI, or undefined when it can. Checked first thing, before the
 * rest of the CLI is loaded, so an old Node gets this sentence instead of a stack trace from a
 * dependency.
 */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(version.split('.')[0]);
  if (major >= LOWEST_NODE_MAJOR) return undefined;
  return `evalgate: needs Node.js ${LOWEST_NODE_MAJOR} or later, and this is Node.js ${version} — install Node.js ${LOWEST_NODE_MAJOR}+ (nvm install ${LOWEST_NODE_MAJOR}, or actions/setup-node with node-version: ${LOWEST_NODE_MAJOR}), or run \`npx -p node@${LOWEST_NODE_MAJOR} -p evalgate evalgate …\``;
}
