/**
 * promptfoo 0.123.1 for the benchmarks, installed once outside the repository (BENCH_PROMPTFOO_DIR,
 * default ~/.cache/evalgate-bench/promptfoo-0.123.1) and run with Node ≥ 22.22 (the node@24
 * devDependency when the system's Node is older: promptfoo refuses Node 20).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROMPTFOO_VERSION = '0.123.1';
const REPO = resolve(import.meta.dirname, '..');

/** promptfoo's CLI entry, installed once into the cache folder; undefined when it cannot be installed. */
export function installPromptfoo(): string | undefined {
  if (process.env.BENCH_PROMPTFOO === 'skip') return undefined;
  const dir = process.env.BENCH_PROMPTFOO_DIR ?? join(homedir(), '.cache', 'evalgate-bench', `promptfoo-${PROMPTFOO_VERSION}`);
  const manifest = join(dir, 'node_modules', 'promptfoo', 'package.json');
  const installed = () => existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version === PROMPTFOO_VERSION;
  if (!installed()) {
    console.error(`Installing promptfoo@${PROMPTFOO_VERSION} into ${dir} (once: ~730 packages, ~1.5 GB, a few minutes)…`);
    mkdirSync(dir, { recursive: true });
    const args = ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', dir, `promptfoo@${PROMPTFOO_VERSION}`];
    spawnSync('npm', args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    if (!installed()) return undefined;
  }
  return join(dir, 'node_modules', '.bin', 'promptfoo');
}

/** A Node promptfoo accepts: this one when ≥ 22.22, else the repository's node@24 devDependency. */
export function promptfooNode(): string {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const local = join(REPO, 'node_modules', '.bin', 'node');
  return major > 22 || (major === 22 && minor >= 22) || !existsSync(local) ? process.execPath : local;
}

/** The promptfoo environment of a benchmark: no telemetry, no update check, its state in `home`. */
export function promptfooEnv(home: string): NodeJS.ProcessEnv {
  return { PROMPTFOO_DISABLE_TELEMETRY: '1', PROMPTFOO_DISABLE_UPDATE: '1', PROMPTFOO_CONFIG_DIR: home, PROMPTFOO_DISABLE_REMOTE_GENERATION: '1' };
}
