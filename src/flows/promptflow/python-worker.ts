import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/errors.js';

/** One call into the Python worker (see python/evalgate_pf/worker.py). */
export type WorkerRequest =
  | { op: 'tool'; file: string; function?: string; inputs: Record<string, unknown>; bypassed?: string[] }
  | { op: 'entry'; dir: string; entry: string; init: Record<string, unknown>; inputs: Record<string, unknown> }
  | { op: 'package'; tool: string; inputs: Record<string, unknown> }
  | { op: 'assert'; output: string; context: Record<string, unknown>; code?: string; file?: string; function?: string };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const PYTHON = process.env.EVALGATE_PYTHON ?? 'python3';
const live = new Set<PythonWorker>();

/** The repository's python/ folder, found upwards from this module (src/… in tests, dist/ when bundled). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'python', 'evalgate_pf', 'worker.py'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('EvalGate’s python/evalgate_pf folder is missing from the installation');
    dir = parent;
  }
  return join(dir, 'python');
}

let checked = false;
/** Python 3 must be on PATH; a ConfigError naming what to install otherwise (checked once per process). */
export function requirePython(where: { file?: string; line?: number }, needs = 'this flow has Python nodes'): void {
  if (checked) return;
  const probe = spawnSync(PYTHON, ['-c', 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new ConfigError(`${needs} but "${PYTHON}" (Python ≥ 3.9) could not be run`, where, 'install Python 3 (e.g. apt-get install python3, or actions/setup-python in the workflow), or set EVALGATE_PYTHON to its path');
  }
  checked = true;
}

/**
 * One long-lived Python process: requests as JSON lines on stdin, replies (by id) on stdout,
 * many in flight at once. Started on first use; killed by `close()` (the flow's or scorer's, when the run ends).
 */
export class PythonWorker {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private buffer = '';
  private stderr = '';

  private readonly cwd: string;

  constructor(cwd: string) {
    this.cwd = cwd;
  }

  call(request: WorkerRequest, signal?: AbortSignal): Promise<unknown> {
    const child = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        reject(new Error('the Python call timed out; the worker is restarted'));
        this.close();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (value) => (done(), resolve(value)),
        reject: (error) => (done(), reject(error)),
      });
      child.stdin.write(`${JSON.stringify({ id, ...request })}\n`);
    });
  }

  close(): void {
    const child = this.child;
    this.child = undefined;
    live.delete(this);
    if (child && child.exitCode === null) child.kill('SIGKILL');
    this.failAll(new Error('the Python worker was stopped'));
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const root = packageRoot();
    const child = spawn(PYTHON, ['-u', '-m', 'evalgate_pf.worker'], {
      cwd: this.cwd,
      env: { ...process.env, PYTHONPATH: [root, process.env.PYTHONPATH].filter(Boolean).join(':'), PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    live.add(this);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.read(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-2000)));
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => this.failAll(new Error(`could not start ${PYTHON}: ${error.message}`)));
    child.on('exit', (code) => {
      if (this.child !== child) return;
      this.child = undefined;
      live.delete(this);
      this.failAll(new Error(`the Python worker exited with ${code ?? 'a signal'}${this.stderr.trim() ? `:\n${this.stderr.trim().split('\n').slice(-5).join('\n')}` : ''}`));
    });
    return child;
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf('\n');
      if (!line.trim()) continue;
      const reply = JSON.parse(line) as { id: number; ok: boolean; value?: unknown; error?: string };
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.value);
      else pending?.reject(new Error(`Python raised:\n${reply.error ?? 'an unknown error'}`));
    }
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** A safety net only: a process that exits without closing its flows and scorers leaves no Python child behind. */
process.once('exit', () => {
  for (const worker of [...live]) worker.close();
});
