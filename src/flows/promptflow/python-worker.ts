import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../core/errors.js';
import type { ChildEnvSpec } from '../child-env.js';
import { childEnvironment } from '../child-env.js';
import { isDict } from '../../core/dict.js';

/** One call into the Python worker (see python/evalgate_pf/worker.py). */
export type WorkerRequest =
  | { op: 'tool'; file: string; function?: string; inputs: Record<string, unknown>; bypassed?: string[]; line?: number }
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

/** What locates the interpreter's packages (a virtualenv, conda, setup-python); never a secret. */
const PYTHON_VARIABLES = ['PYTHONPATH', 'PYTHONHOME', 'PYTHONUSERBASE', 'VIRTUAL_ENV', 'CONDA_PREFIX', 'pythonLocation'];

/**
 * One long-lived Python process: requests as JSON lines on stdin, replies (by id) on stdout,
 * many in flight at once. Started on first use; killed by `close()` (the flow's or scorer's, when the run ends).
 * Its environment is a command flow's (child-env.ts): nothing of EvalGate's own (no API key,
 * GitHub or runtime token) unless the suite lists it, plus what finds the Python packages.
 */
export class PythonWorker {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private buffer = '';
  private stderr = '';

  private readonly cwd: string;
  private readonly serve: ServeCall | undefined;
  private readonly environment: ChildEnvSpec;

  /** `serve` answers the calls tool code makes back into EvalGate (host.py); without it they fail. `environment`: the suite's env / pass-env. */
  constructor(cwd: string, serve?: ServeCall, environment: ChildEnvSpec = { env: {} }) {
    this.cwd = cwd;
    this.serve = serve;
    this.environment = environment;
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
      env: {
        ...childEnvironment(process.env, { env: this.environment.env, passEnv: [...PYTHON_VARIABLES, ...(this.environment.passEnv ?? [])] }),
        PYTHONPATH: [root, process.env.PYTHONPATH].filter(Boolean).join(':'),
        PYTHONIOENCODING: 'utf-8',
        PYTHONDONTWRITEBYTECODE: '1',
      },
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

  /** Reply lines by id; a line that is not a reply (not JSON, or no id) stops the worker, failing what it owed. */
  private read(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf('\n');
      if (!line.trim()) continue;
      const call = parseCall(line);
      if (call) {
        this.answer(call);
        continue;
      }
      const reply = parseReply(line);
      if (!reply) {
        this.failAll(new Error(`the Python worker wrote a line that is not a reply (the protocol is one JSON object per line): ${line.slice(0, 200)}`));
        this.close();
        return;
      }
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.value);
      else pending?.reject(new Error(`Python raised:\n${reply.error ?? 'an unknown error'}`));
    }
  }

  /** Runs a call from tool code and writes its answer to the worker's stdin (the worker may have stopped meanwhile). */
  private answer(call: WorkerCall): void {
    const child = this.child;
    const send = (message: object) => child?.stdin.write(`${JSON.stringify({ reply: call.call, ...message })}\n`);
    if (!this.serve) return void send({ ok: false, error: `EvalGate serves no "${call.op}" calls here` });
    this.serve(call).then(
      (value) => send({ ok: true, value }),
      (error: unknown) => send({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** A call from tool code back into EvalGate: `chat` (promptflow.tools.openai / aoai), for flow line `line`. */
export interface WorkerCall {
  call: number;
  op: string;
  line?: number;
  [key: string]: unknown;
}

export type ServeCall = (call: WorkerCall) => Promise<unknown>;

function parseCall(line: string): WorkerCall | undefined {
  if (!line.startsWith('{"call"')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return isDict(value) && typeof value.call === 'number' && typeof value.op === 'string' ? (value as WorkerCall) : undefined;
  } catch {
    return undefined;
  }
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

function parseReply(line: string): Reply | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isDict(value) && typeof value.id === 'number' && typeof value.ok === 'boolean' ? (value as unknown as Reply) : undefined;
  } catch {
    return undefined;
  }
}

/** A safety net only: a process that exits without closing its flows and scorers leaves no Python child behind. */
process.once('exit', () => {
  for (const worker of [...live]) worker.close();
});
