import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { FlowKind } from './templates.js';
import { scaffoldFiles } from './templates.js';

/**
 * Writes the starter suite, its data (and app, for a command flow) and the workflow into `dir`.
 * Existing files are never overwritten unless `force`: the check covers every file before any
 * is written. Returns the paths written, relative to `dir`.
 */
export async function scaffold(dir: string, flow: FlowKind, force: boolean): Promise<string[]> {
  const files = scaffoldFiles(flow);
  const existing = Object.keys(files).filter((path) => existsSync(join(dir, path)));
  if (existing.length && !force) {
    throw new ConfigError(
      `init would overwrite ${existing.join(', ')}`,
      {},
      'pass --force to overwrite, or move those files away; nothing was written',
    );
  }
  for (const [path, text] of Object.entries(files)) await writeFileAtomic(join(dir, path), text);
  return Object.keys(files);
}
