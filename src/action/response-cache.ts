import { log } from './log.js';
import { resolve } from 'node:path';
import * as cache from '@actions/cache';
import { DEFAULTS } from '../core/defaults.js';
import type { ShardSpec } from '../engine/shard.js';
import type { EventInfo } from './event.js';
import { isDefaultBranchPush } from './event.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Bump when the cache entries' format changes. */
const PREFIX = 'evalgate-responses-v1';

/**
 * Keys of the persisted response cache. Cache entries are immutable, so each run saves under a
 * new key and restores the newest entry under the prefix. GitHub scopes caches by branch: a PR
 * restores what its base (default) branch saved; what is saved on a PR stays on that PR.
 * A matrix shard keeps its own cache (`shard` = `2of8`): its cases are always the same ones.
 */
export function responseCacheKeys(env: Env, shard?: ShardSpec): { primary: string; restore: string[] } {
  const prefix = `${PREFIX}-${env.RUNNER_OS ?? 'any'}-${shard ? `shard${shard.index}of${shard.count}-` : ''}`;
  return {
    primary: `${prefix}${env.GITHUB_SHA ?? 'local'}-${env.GITHUB_RUN_ID ?? '0'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    restore: [prefix],
  };
}

/**
 * Only a push to the default branch saves: what a PR's run computed (from code anyone may
 * have written) never becomes what the next PR is answered from.
 */
export const savesResponseCache = (event: EventInfo): boolean => isDefaultBranchPush(event);

/**
 * Whether GitHub's cache service is there. It is not outside GitHub's runners (GHES without it,
 * `@github/local-action`, whose stand-in for @actions/cache may lack the function): the run goes
 * on without the persisted cache and says so once; asking never fails the run.
 */
function cacheServiceAvailable(): boolean {
  try {
    if (typeof cache.isFeatureAvailable === 'function' && cache.isFeatureAvailable()) return true;
  } catch {
    // An unusable cache client is the same as none.
  }
  log.info('response cache: GitHub\'s cache service is not available here, so .evalgate/cache is neither restored nor saved');
  return false;
}

/** Restores `.evalgate/cache` before the run; a cache service problem is a note or a warning, never a failure. */
export async function restoreResponseCache(cwd: string, env: Env, shard?: ShardSpec): Promise<void> {
  if (!cacheServiceAvailable()) return;
  const keys = responseCacheKeys(env, shard);
  try {
    const hit = await cache.restoreCache([resolve(cwd, DEFAULTS.cacheDir)], keys.primary, keys.restore);
    log.info(hit ? `response cache restored (${hit})` : 'no response cache yet');
  } catch (error) {
    log.warning(`response cache not restored: ${(error as Error).message}`);
  }
}

export async function saveResponseCache(cwd: string, env: Env, event: EventInfo, shard?: ShardSpec): Promise<void> {
  if (!savesResponseCache(event) || !cacheServiceAvailable()) return;
  try {
    await cache.saveCache([resolve(cwd, DEFAULTS.cacheDir)], responseCacheKeys(env, shard).primary);
    log.info('response cache saved');
  } catch (error) {
    log.warning(`response cache not saved: ${(error as Error).message}`);
  }
}
