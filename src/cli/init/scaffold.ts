import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { StarterFlow } from './templates.js';
import { scaffoldFiles } from './templates.js';

/** What git must not track: the results, reports and response cache of local runs. */
const IGNORED = '.evalgate/';

/** `.gitignore` with `.evalgate/` added, or undefined when it already ignores it. */
function withIgnoredRunFolder(gitignore: string | undefined): string | undefined {
  const lines = (gitignore ?? '').split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => ['.evalgate', '.evalgate/', '/.evalgate', '/.evalgate/', '.evalgate/*', '.evalgate/**'].includes(line))) return undefined;
  const text = gitignore ?? '';
  return `${text}${text && !text.endsWith('\n') ? '\n' : ''}# EvalGate: results, reports and the response cache of local runs\n${IGNORED}\n`;
}

/**
 * Writes the starter suite, its data (and app, for a command flow) and the workflow into `dir`.
 * Existing files are never overwritten unless `force`: the check covers every file before any
 * is written. `.gitignore` gets `.evalgate/` added (created if there is none). Returns the paths
 * written, relative to `dir`.
 */
export async function scaffold(dir: string, flow: StarterFlow, force: boolean, action?: string): Promise<string[]> {
  const files = scaffoldFiles(flow, action);
  const existing = Object.keys(files).filter((path) => existsSync(join(dir, path)));
  if (existing.length && !force) {
    throw new ConfigError(
      `init would overwrite ${existing.join(', ')}`,
      {},
      'pass --force to overwrite, or move those files away; nothing was written',
    );
  }
  for (const [path, text] of Object.entries(files)) await writeFileAtomic(join(dir, path), text);
  // .gitignore is the user's file: `.evalgate/` is added to it, nothing else changes.
  const gitignorePath = join(dir, '.gitignore');
  const gitignore = withIgnoredRunFolder(existsSync(gitignorePath) ? readFileSync(gitignorePath, 'utf8') : undefined);
  if (gitignore !== undefined) await writeFileAtomic(gitignorePath, gitignore);
  return [...Object.keys(files), ...(gitignore === undefined ? [] : ['.gitignore'])];
}
