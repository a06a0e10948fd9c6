import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { bundle, ROOT, sourceHash } from '../../scripts/bundle.js';

/**
 * The bundles end-to-end tests run. The committed dist/ when its source-hash is this tree's
 * (always so in CI, which checks dist/ is fresh first); otherwise a bundle of this tree built
 * once per checkout and source state into the temporary folder — never into the repository — with python/
 * beside it, where the bundle looks for its worker. Only tests that import this module pay for
 * a bundle; concurrent test files wait for the one that builds it.
 */
const readOr = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').trim() : '');

async function bundledOnce(hash: string): Promise<string> {
  const home = join(tmpdir(), 'evalgate-dist', createHash('sha256').update(`${ROOT}\0${hash}`).digest('hex').slice(0, 20));
  const dist = join(home, 'dist');
  const lock = join(home, 'lock');
  mkdirSync(home, { recursive: true });
  while (readOr(join(dist, 'source-hash')) !== hash) {
    try {
      mkdirSync(lock);
    } catch {
      await sleep(200);
      continue;
    }
    try {
      if (!existsSync(join(home, 'python'))) symlinkSync(join(ROOT, 'python'), join(home, 'python'), 'dir');
      if (readOr(join(dist, 'source-hash')) !== hash) await bundle(dist);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dist;
}

async function distFolder(): Promise<string> {
  const hash = sourceHash();
  const committed = join(ROOT, 'dist');
  return readOr(join(committed, 'source-hash')) === hash ? committed : bundledOnce(hash);
}

export const DIST = await distFolder();
