import { TEXT_LIMITS } from '../../core/text-limits.js';
import type { FlowOutput } from '../types.js';
import { abortReason, parseAnswer, StderrTail, STDOUT_LIMIT_REASON } from './answer.js';
import type { AppSpec } from './process.js';
import { killApp, startApp, startFailure } from './process.js';

/** `protocol: per-case`: the app is started for the case, reads its JSON on stdin up to EOF and prints one JSON answer. */
export function invokePerCase(spec: AppSpec, dir: string, vars: Readonly<Record<string, unknown>>, signal: AbortSignal): Promise<FlowOutput> {
  const { timeoutMs } = spec;
  if (signal.aborted) return Promise.reject(new Error('the command was cancelled (per-request timeout) before it started'));
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = startApp(spec, dir);
    const stderr = new StderrTail();
    let stdout = '';
    let killedFor: string | undefined;
    const kill = (reason: string) => {
      killedFor = reason;
      killApp(child);
    };
    const timer = setTimeout(() => kill(`timed out after ${timeoutMs} ms`), timeoutMs);
    // The run's deadline for this flow is its own `timeout:`: whichever timer fires first, the case timed out.
    const onAbort = () => kill(abortReason(signal, timeoutMs));
    signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.length > TEXT_LIMITS.stdout && !killedFor) kill(STDOUT_LIMIT_REASON);
    });
    child.stderr.on('data', (chunk: string) => stderr.add(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(startFailure(spec, error));
    });
    child.on('close', (code, exitSignal) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      const latencyMs = performance.now() - started;
      if (killedFor) return reject(new Error(`the command ${killedFor}${stderr.shown()}`));
      if (code !== 0) return reject(new Error(`the command exited with ${code ?? exitSignal}${stderr.shown()}`));
      try {
        resolvePromise(parseAnswer(stdout, latencyMs));
      } catch (error) {
        reject(new Error(`${(error as Error).message}${stderr.shown()}`));
      }
    });
    child.stdin.end(JSON.stringify(vars));
  });
}
