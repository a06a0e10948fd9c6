import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { ChildEnvSpec } from '../child-env.js';
import { childEnvironment } from '../child-env.js';

/** The app's argv, its environment (`env:`, `pass-env:`) and how long a case may take. */
export interface AppSpec extends ChildEnvSpec {
  argv: string[];
  timeoutMs: number;
}

/** Starts the app with no shell, in a process group of its own (so a kill takes its children too). */
export function startApp(spec: AppSpec, dir: string): ChildProcessWithoutNullStreams {
  const [program, ...args] = spec.argv;
  const child = spawn(program as string, args, {
    cwd: dir,
    env: childEnvironment(process.env, spec),
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  child.stdin.on('error', () => undefined);
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  return child;
}

/** Kills the app's whole process group (or the process alone where there are no groups). */
export function killApp(child: ChildProcessWithoutNullStreams): void {
  try {
    if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export const startFailure = (spec: AppSpec, error: Error): Error => new Error(`could not start "${spec.argv.join(' ')}": ${error.message}`);
