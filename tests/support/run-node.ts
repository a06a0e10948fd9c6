import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './dist.js';

/** Node 24 from the node@24 devDependency: the runtime `runs.using: node24` gives the action. */
export const NODE24 = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
export const CLI = join(DIST, 'cli/index.js');
export const ACTION = join(DIST, 'index.js');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a process to its end with exactly `env`, collecting its output. */
export function runProcess(command: string, args: string[], options: { cwd: string; env: Record<string, string>; stdin?: string }): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * V8's compile cache for the bundles the tests start hundreds of times (keyed by file content, so a
 * rebundle is never served stale; outside the repository). It changes how fast a bundle loads, not
 * what it does.
 */
const COMPILE_CACHE = join(tmpdir(), 'evalgate-tests-compile-cache');

/** Runs a bundled entry point under Node 24 with a clean environment (no inherited API keys). */
export function runNode(
  script: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; stdin?: string },
): Promise<ProcessResult> {
  return runProcess(NODE24, [script, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_COMPILE_CACHE: COMPILE_CACHE, ...options.env }, ...(options.stdin === undefined ? {} : { stdin: options.stdin }) });
}
