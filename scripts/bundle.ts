import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bundle`: src/ → dist/ with ncc (the action's dist/index.js and the CLI's
 * dist/cli/index.js, built side by side), plus dist/source-hash, the digest of everything the
 * bundles are built from. Type checking is `npm run typecheck`'s job, so ncc only transpiles
 * (`-t`; src/tsconfig.json gives it ES modules): the output is byte-identical, in a fraction of
 * the time. Tests use dist/ when its source-hash is the tree's, else a bundle of their own
 * outside the repository (tests/support/dist.ts).
 */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const ENTRIES = [
  { entry: 'src/index.ts', out: '.' },
  { entry: 'src/cli/bin.ts', out: 'cli' },
] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The digest of what the bundles are built from: src/, the lock file and the TypeScript settings. */
export function sourceHash(root = ROOT): string {
  const files = [...filesUnder(join(root, 'src')), join(root, 'package-lock.json'), join(root, 'tsconfig.json')].map((path) => relative(root, path)).sort();
  const digest = createHash('sha256');
  for (const file of files) digest.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return digest.digest('hex');
}

function ncc(root: string, entry: string, outDir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/ncc'), ['build', entry, '-o', outDir, '--quiet', '-t'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`ncc build ${entry} exited with ${code}`))));
  });
}

/**
 * dist/cli/index.js, the `evalgate` command: turns on V8's code cache (Node ≥ 22.1, in the OS
 * temp folder), then loads the CLI's bundle (dist/cli/evalgate.js). The cache only serves what
 * is compiled after it is on, so it must come before the 2 MB bundle: a run after the first then
 * skips most of parsing and compiling it. Nothing here may fail on an old Node: the bundle
 * checks the version first.
 */
const CLI_ENTRY = `#!/usr/bin/env node
import nodeModule from 'node:module';
nodeModule.enableCompileCache?.();
await import('./evalgate.js');
`;

/** Bundles both entry points into outDir (emptied first) and writes outDir/source-hash last. */
export async function bundle(outDir: string, root = ROOT): Promise<void> {
  const hash = sourceHash(root);
  rmSync(outDir, { recursive: true, force: true });
  await Promise.all(ENTRIES.map(({ entry, out }) => ncc(root, entry, join(outDir, out))));
  renameSync(join(outDir, 'cli', 'index.js'), join(outDir, 'cli', 'evalgate.js'));
  writeFileSync(join(outDir, 'cli', 'index.js'), CLI_ENTRY, { mode: 0o755 });
  writeFileSync(join(outDir, 'source-hash'), `${hash}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await bundle(join(ROOT, 'dist'));
  console.log(`bundled dist/index.js and dist/cli/index.js in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
