import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { scrubSecrets } from './secrets.js';

/** `.<name>.<pid>-<random>.tmp`: the writer's pid tells a live write from a killed one's leftover. */
function tempName(name: string): string {
  return `.${name}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files of `name` left by a writer that was killed (its process is gone). */
async function removeStaleTemps(dir: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(entry.slice(prefix.length, -'.tmp'.length))?.[1]);
    const stale = !Number.isInteger(pid) || (pid !== process.pid && !isRunning(pid));
    if (stale) await rm(join(dir, entry), { force: true });
  }
}

/** Flush to disk in pieces of about this many characters. */
const PIECE = 1 << 20;

/**
 * Writes `text` so readers see the old file or the new one, never half of it: a temp file in
 * the same folder, flushed to disk, then renamed over the target. Known secrets are scrubbed
 * first; the temp file is removed on failure, and those a killed run left are cleaned here.
 * `text` may be a sequence of chunks (a document too large for one string, e.g. one line per
 * case): each chunk is scrubbed, and memory stays at about one piece.
 */
export async function writeFileAtomic(path: string, text: string | Iterable<string>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(dir, basename(path));
  const temp = join(dir, tempName(basename(path)));
  try {
    const handle = await open(temp, 'w');
    try {
      let piece: string[] = [];
      let size = 0;
      for (const chunk of typeof text === 'string' ? [text] : text) {
        piece.push(scrubSecrets(chunk));
        size += chunk.length;
        if (size >= PIECE) {
          await handle.write(piece.join(''));
          piece = [];
          size = 0;
        }
      }
      if (piece.length) await handle.write(piece.join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
