import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Flush to disk in pieces of about this many characters. */
const PIECE = 1 << 20;

/**
 * Like writeFileAtomic, for a document produced piece by piece: no single string ever holds it
 * all (V8 strings stop at ~512 MB), and memory stays at one piece.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      let piece: string[] = [];
      let size = 0;
      for (const chunk of chunks) {
        piece.push(chunk);
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
