import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';

/** Where cached model answers live: one small JSON file per entry. */
export interface CacheStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  /** Drops entries older than the age limit, then the least recently used until under the size limit. */
  prune(): Promise<{ removed: number; bytes: number }>;
}

interface CacheLimits {
  maxBytes: number;
  maxAgeMs: number;
}

const ENTRY_VERSION = 1;

/**
 * A sharded folder (`ab/cdef….json`, 256 shards) of atomically written entries. A hit touches
 * the entry's mtime, so pruning by mtime is least-recently-used. A missing or unreadable entry
 * is a miss, never an error.
 */
export function fileCacheStore(dir: string, limits: CacheLimits, now: () => number = Date.now): CacheStore {
  const pathOf = (key: string) => join(dir, key.slice(0, 2), `${key.slice(2)}.json`);
  return {
    async get(key) {
      const path = pathOf(key);
      let entry: { v?: unknown; value?: unknown };
      try {
        entry = JSON.parse(await readFile(path, 'utf8'));
      } catch {
        return undefined;
      }
      if (entry?.v !== ENTRY_VERSION) return undefined;
      const time = new Date(now());
      await utimes(path, time, time).catch(() => undefined);
      return entry.value;
    },
    async put(key, value) {
      await writeFileAtomic(pathOf(key), JSON.stringify({ v: ENTRY_VERSION, value }));
    },
    async prune() {
      const entries = await listEntries(dir);
      const cutoff = now() - limits.maxAgeMs;
      entries.sort((a, b) => b.mtimeMs - a.mtimeMs);
      let kept = 0;
      let removed = 0;
      for (const entry of entries) {
        if (entry.mtimeMs >= cutoff && kept + entry.size <= limits.maxBytes) {
          kept += entry.size;
          continue;
        }
        await rm(entry.path, { force: true });
        removed += 1;
      }
      return { removed, bytes: kept };
    },
  };
}

async function listEntries(dir: string): Promise<{ path: string; size: number; mtimeMs: number }[]> {
  const shards = await readdir(dir).catch(() => [] as string[]);
  const found: { path: string; size: number; mtimeMs: number }[] = [];
  for (const shard of shards) {
    const names = await readdir(join(dir, shard)).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const path = join(dir, shard, name);
      const info = await stat(path).catch(() => undefined);
      if (info) found.push({ path, size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  return found;
}
