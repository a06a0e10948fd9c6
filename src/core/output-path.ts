import { statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { ConfigError } from './errors.js';

/**
 * Checks, before anything runs, that a file can be written at `path`: it is not a folder, and no
 * folder on its way is an existing file. Otherwise the whole run would be lost at the end.
 */
export function checkOutputPath(path: string, label: string, cwd: string): void {
  const shown = relative(cwd, path) || path;
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConfigError(`${label} ${shown} is a folder`, {}, `give a file path for ${label}`);
  }
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const info = statSync(dir, { throwIfNoEntry: false });
    if (info && !info.isDirectory()) {
      throw new ConfigError(`${label} ${shown} cannot be written: ${relative(cwd, dir) || dir} is a file, not a folder`, {}, `choose another path for ${label}, or move that file`);
    }
    if (info || dirname(dir) === dir) return;
  }
}
