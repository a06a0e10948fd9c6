import { spawn } from 'node:child_process';
import { DURATION_SCHEMA } from '../../core/duration.js';
import { ConfigError } from '../../core/errors.js';
import { capText, TEXT_LIMITS } from '../../core/text-limits.js';
import { usageFromOpenAI } from '../../core/usage.js';
import { childEnvironment } from '../child-env.js';
import { appFailure } from '../failure-kind.js';
import { splitCommand } from '../split-command.js';
import { flowTimeoutMs } from '../timeout.js';
import type { Flow, FlowKind, FlowOutput } from '../types.js';
import { specLocation } from '../types.js';

interface CommandFlowSpec {
  kind: 'command';
  /** A shell-free argv; a string command is split on whitespace (quotes respected). */
  argv: string[];
  timeoutMs: number;
  env: Record<string, string>;
  /** Variables of the runner's environment passed on by name (`pass-env:`). */
  passEnv?: string[];
}

const STDERR_LINES = 20;

/** The last lines of stderr, each cut at TEXT_LIMITS.stderrLine characters; `dropped`: characters before the kept end. */
function tail(text: string, dropped: number): string {
  const lines = text.trimEnd().split('\n').slice(-STDERR_LINES).map((line) => capText(line, TEXT_LIMITS.stderrLine));
  const shown = lines.join('\n');
  return dropped > 0 && lines.length < STDERR_LINES ? `…[${dropped.toLocaleString('en-US')} earlier characters of stderr not kept] ${shown}` : shown;
}

/** Parses the app's stdout: one JSON object `{"output": …, "context"?, "usage"?, "model"?}`. */
function parseAnswer(stdout: string, latencyMs: number): FlowOutput {
  let answer: unknown;
  try {
    answer = JSON.parse(stdout);
  } catch {
    throw new Error(`the command did not print JSON on stdout (got: ${JSON.stringify(stdout.slice(0, 200))})`);
  }
  if (answer === null || typeof answer !== 'object' || !('output' in answer)) {
    throw new Error('the command printed JSON without an "output" field');
  }
  const { output, context, usage, model } = answer as { output: unknown; context?: unknown; usage?: unknown; model?: unknown };
  return {
    output: typeof output === 'string' ? output : JSON.stringify(output),
    ...(context === undefined ? {} : { context: typeof context === 'string' ? context : JSON.stringify(context) }),
    usage: usageFromOpenAI(usage),
    ...(typeof model === 'string' ? { model } : {}),
    latency: { totalMs: latencyMs },
  };
}

/**
 * The team's own app, in any language: the case's variables as one JSON object on stdin,
 * the answer as JSON on stdout. No shell; the process group is killed on timeout.
 */
function commandFlow(spec: CommandFlowSpec, dir: string): Flow {
  const [program, ...args] = spec.argv;
  return {
    kind: 'command',
    needsModel: false,
    failureKind: appFailure,
    timeoutMs: spec.timeoutMs,
    invoke(vars, signal) {
      if (signal.aborted) return Promise.reject(new Error('the command was cancelled (per-request timeout) before it started'));
      return new Promise((resolvePromise, reject) => {
        const started = performance.now();
        const child = spawn(program as string, args, {
          cwd: dir,
          env: childEnvironment(process.env, spec),
          stdio: ['pipe', 'pipe', 'pipe'],
          detached: process.platform !== 'win32',
        });
        let stdout = '';
        let stderr = '';
        let killedFor: string | undefined;
        const kill = (reason: string) => {
          killedFor = reason;
          try {
            if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
            else child.kill('SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        };
        const timer = setTimeout(() => kill(`timed out after ${spec.timeoutMs} ms`), spec.timeoutMs);
        // The run's deadline for this flow is its own `timeout:`: whichever timer fires first, the case timed out.
        const onAbort = () => kill((signal.reason as Error | undefined)?.name === 'TimeoutError' ? `timed out after ${spec.timeoutMs} ms` : 'cancelled');
        signal.addEventListener('abort', onAbort, { once: true });
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          if (stdout.length > TEXT_LIMITS.stdout && !killedFor) kill(`printed more than ${TEXT_LIMITS.stdout.toLocaleString('en-US')} characters on stdout (EvalGate's limit for one answer)`);
        });
        // Only the end of stderr is ever shown: a huge stream keeps its last TEXT_LIMITS.stderrKept characters.
        let stderrDropped = 0;
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          const joined = stderr + chunk;
          stderrDropped += Math.max(0, joined.length - TEXT_LIMITS.stderrKept);
          stderr = joined.slice(-TEXT_LIMITS.stderrKept);
        });
        child.stdin.on('error', () => undefined);
        child.on('error', (error) => {
          clearTimeout(timer);
          reject(new Error(`could not start "${spec.argv.join(' ')}": ${error.message}`));
        });
        child.on('close', (code, exitSignal) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          const latencyMs = performance.now() - started;
          const stderrTail = stderr.trim() ? `\nstderr:\n${tail(stderr, stderrDropped)}` : '';
          if (killedFor) return reject(new Error(`the command ${killedFor}${stderrTail}`));
          if (code !== 0) return reject(new Error(`the command exited with ${code ?? exitSignal}${stderrTail}`));
          try {
            resolvePromise(parseAnswer(stdout, latencyMs));
          } catch (error) {
            reject(new Error(`${(error as Error).message}${stderrTail}`));
          }
        });
        child.stdin.end(JSON.stringify(vars));
      });
    },
  };
}

function normaliseCommand(raw: Record<string, unknown>, at: { file: string; line?: number }): CommandFlowSpec {
  let argv: string[];
  try {
    argv = Array.isArray(raw.command) ? (raw.command as string[]) : splitCommand(raw.command as string);
  } catch (error) {
    throw new ConfigError(`flow.command: ${(error as Error).message}`, specLocation(at), 'close the quote, or give the command as a list of words');
  }
  return {
    kind: 'command',
    argv,
    timeoutMs: flowTimeoutMs(raw, at),
    env: (raw.env as Record<string, string> | undefined) ?? {},
    passEnv: (raw['pass-env'] as string[] | undefined) ?? [],
  };
}

/** The team's own app as a command: case JSON on stdin, `{"output": …}` on stdout. */
export const commandKind: FlowKind<CommandFlowSpec> = {
  kind: 'command',
  description: 'Your app as a command (any language, no shell): the case as JSON on stdin, `{"output": …, "context"?, "usage"?}` on stdout.',
  schema: {
    required: ['command'],
    properties: {
      command: {
        description: 'Your app: case JSON on stdin, {"output": …} on stdout. Run from the suite’s folder, no shell.',
        oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string' } }],
      },
      timeout: DURATION_SCHEMA,
      env: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra environment variables for the command.' },
      'pass-env': {
        type: 'array',
        items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        description: 'Variables of the runner’s environment the command may see (by default only PATH, HOME, locale and temp folder).',
      },
    },
  },
  ownCode: true,
  normalise: normaliseCommand,
  templates: () => [],
  reportsContext: () => true,
  example: () => ({ command: 'node app.mjs' }),
  create: (spec, ctx) => commandFlow(spec, ctx.dir),
};
