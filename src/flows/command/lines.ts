import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { TEXT_LIMITS } from '../../core/text-limits.js';
import type { FlowOutput } from '../types.js';
import { abortReason, parseAnswer, StderrTail, STDOUT_LIMIT_REASON } from './answer.js';
import type { AppSpec } from './process.js';
import { killApp, startApp, startFailure } from './process.js';

/** What every protocol error of a copy reminds the team of. */
const STDOUT_RULE = 'with protocol: lines stdout is for answers only, one line per case; write logs to stderr';

/** How long a closed app may take to exit on its own (stdin ended) before it is killed. */
const EXIT_GRACE_MS = 2000;

interface Waiting {
  started: number;
  answer: (printed: string, latencyMs: number) => void;
  /** Fails the case with this message (the tail of stderr is added). */
  fail: (message: string) => void;
}

/** One long-lived copy of the app: at most one case in flight. */
interface LineApp {
  child: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: StderrTail;
  waiting?: Waiting;
  /** A line the app printed when no case was waiting for one: the next case on this app fails naming it. */
  stray?: string;
  /** Taken out of the pool (killed, or exited): never given another case. */
  dropped: boolean;
  exited: Promise<void>;
}

/**
 * `protocol: lines`: the app is started once and answers case after case — one case's JSON per
 * line on stdin, one JSON answer per line on stdout. Copies are started on demand, one per case in
 * flight (so never more than the run's concurrency), and reused. A copy that times out, breaks the
 * protocol or exits is dropped; the next case starts a fresh one. `close()` ends their stdin and
 * kills what has not exited after EXIT_GRACE_MS.
 */
export class LineApps {
  private readonly idle: LineApp[] = [];
  /** Every copy that has not exited yet. */
  private readonly running = new Set<LineApp>();
  private closed = false;

  private readonly spec: AppSpec;
  private readonly dir: string;

  constructor(spec: AppSpec, dir: string) {
    this.spec = spec;
    this.dir = dir;
  }

  invoke(vars: Readonly<Record<string, unknown>>, signal: AbortSignal): Promise<FlowOutput> {
    if (signal.aborted) return Promise.reject(new Error('the command was cancelled (per-request timeout) before it started'));
    if (this.closed) return Promise.reject(new Error('the command was cancelled: the run is over'));
    const app = this.idle.pop() ?? this.start();
    if (app.stray !== undefined) {
      this.drop(app);
      return Promise.reject(new Error(`the command printed a line on stdout that no case asked for (${STDOUT_RULE}): ${JSON.stringify(app.stray.slice(0, 200))}`));
    }
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => waiting.fail(`the command timed out after ${this.spec.timeoutMs} ms`), this.spec.timeoutMs);
      const onAbort = () => waiting.fail(`the command ${abortReason(signal, this.spec.timeoutMs)}`);
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        app.waiting = undefined;
      };
      const waiting: Waiting = {
        started: performance.now(),
        answer: (printed, latencyMs) => {
          settle();
          try {
            resolvePromise(parseAnswer(printed, latencyMs));
            this.release(app);
          } catch (error) {
            // An answer that is not one: the stream can no longer be trusted to line up with the cases.
            this.drop(app);
            reject(new Error(`${(error as Error).message} — ${STDOUT_RULE}${app.stderr.shown()}`));
          }
        },
        fail: (message) => {
          settle();
          this.drop(app);
          reject(new Error(`${message}${app.stderr.shown()}`));
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      app.stderr.clear();
      app.waiting = waiting;
      app.child.stdin.write(`${JSON.stringify(vars)}\n`);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const apps = [...this.running];
    for (const app of apps) app.child.stdin.end();
    const grace = setTimeout(() => apps.forEach((app) => killApp(app.child)), EXIT_GRACE_MS);
    await Promise.all(apps.map((app) => app.exited));
    clearTimeout(grace);
  }

  private start(): LineApp {
    const child = startApp(this.spec, this.dir);
    let exited!: () => void;
    const app: LineApp = { child, stdout: '', stderr: new StderrTail(), dropped: false, exited: new Promise((resolveExit) => (exited = resolveExit)) };
    this.running.add(app);
    const gone = (message: string) => {
      this.running.delete(app);
      this.drop(app);
      app.waiting?.fail(message);
      exited();
    };
    child.stdout.on('data', (chunk: string) => this.read(app, chunk));
    child.stderr.on('data', (chunk: string) => app.stderr.add(chunk));
    child.on('error', (error) => gone(startFailure(this.spec, error).message));
    child.on('close', (code, exitSignal) =>
      gone(`the command exited with ${code ?? exitSignal} before it answered (with protocol: lines it keeps reading cases, one per line, until stdin ends)`),
    );
    return app;
  }

  private read(app: LineApp, chunk: string): void {
    app.stdout += chunk;
    for (let end = app.stdout.indexOf('\n'); end >= 0; end = app.stdout.indexOf('\n')) {
      const line = app.stdout.slice(0, end).trim();
      app.stdout = app.stdout.slice(end + 1);
      if (!line) continue;
      if (app.waiting) app.waiting.answer(line, performance.now() - app.waiting.started);
      else app.stray ??= line;
    }
    if (app.stdout.length <= TEXT_LIMITS.stdout) return;
    if (app.waiting) app.waiting.fail(`the command ${STDOUT_LIMIT_REASON}`);
    else this.drop(app);
  }

  private release(app: LineApp): void {
    if (!app.dropped && !this.closed) this.idle.push(app);
  }

  /** Takes a copy out of the pool for good and kills it (if it is still running). */
  private drop(app: LineApp): void {
    if (app.dropped) return;
    app.dropped = true;
    const at = this.idle.indexOf(app);
    if (at >= 0) this.idle.splice(at, 1);
    if (this.running.has(app)) killApp(app.child);
  }
}
