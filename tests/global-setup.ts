import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * End-to-end tests run the bundles in dist/ the way users run them. Rebuild them first when
 * any source file is newer, so a test never exercises a stale bundle.
 */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function mtimeOrZero(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

export default function setup(): void {
  const bundled = Math.min(mtimeOrZero('dist/index.js'), mtimeOrZero('dist/cli/index.js'));
  if (newestMtime('src') > bundled) {
    execFileSync('npm', ['run', 'bundle'], { stdio: 'inherit' });
  }
}
