import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOWEST_NODE_MAJOR, nodeVersionProblem } from '../../src/cli/node-version.js';
import { CLI, runNode } from '../support/run-node.js';

/** The CLI on a Node.js older than it supports: one sentence saying what to install, exit 2 — never a stack trace. */
describe('the Node.js version check at start', () => {
  it('passes the supported versions and names the missing one otherwise', () => {
    expect(nodeVersionProblem(`${LOWEST_NODE_MAJOR}.0.0`)).toBeUndefined();
    expect(nodeVersionProblem('24.11.1')).toBeUndefined();
    expect(nodeVersionProblem('20.20.2')).toBe(
      `evalgate: needs Node.js ${LOWEST_NODE_MAJOR} or later, and this is Node.js 20.20.2 — install Node.js ${LOWEST_NODE_MAJOR}+ (nvm install ${LOWEST_NODE_MAJOR}, or actions/setup-node with node-version: ${LOWEST_NODE_MAJOR}), or run \`npx -p node@${LOWEST_NODE_MAJOR} -p evalgate evalgate …\``,
    );
  });

  // Debian's own /usr/bin/node (20 on this machine; an image with a newer one skips this).
  const SYSTEM_NODE = '/usr/bin/node';
  const systemVersion = existsSync(SYSTEM_NODE) ? execFileSync(SYSTEM_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim() : `${LOWEST_NODE_MAJOR}`;
  it.runIf(Number(systemVersion.split('.')[0]) < LOWEST_NODE_MAJOR)(`the bundled CLI under ${SYSTEM_NODE} (Node ${systemVersion}) prints that sentence and exits 2`, () => {
    const result = spawnSync(SYSTEM_NODE, [CLI, 'run'], { cwd: mkdtempSync(join(tmpdir(), 'evalgate-old-node-')), encoding: 'utf8' });
    expect(result.stderr.trim()).toBe(nodeVersionProblem(systemVersion));
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });

  it('the bundled CLI under Node 24 runs', async () => {
    const result = await runNode(CLI, ['version'], { cwd: tmpdir() });
    expect(result.code).toBe(0);
  });
});
