import { DURATION_SCHEMA } from '../../core/duration.js';
import { ConfigError } from '../../core/errors.js';
import { LineApps } from '../command/lines.js';
import { invokePerCase } from '../command/per-case.js';
import { appFailure } from '../failure-kind.js';
import { splitCommand } from '../split-command.js';
import { flowTimeoutMs } from '../timeout.js';
import type { Flow, FlowKind } from '../types.js';
import { specLocation } from '../types.js';

/** How the app takes its cases: a process per case (stdin up to EOF), or one long-lived process answering a line per case. */
export type CommandProtocol = 'per-case' | 'lines';

interface CommandFlowSpec {
  kind: 'command';
  /** A shell-free argv; a string command is split on whitespace (quotes respected). */
  argv: string[];
  timeoutMs: number;
  env: Record<string, string>;
  /** Variables of the runner's environment passed on by name (`pass-env:`). */
  passEnv?: string[];
  /** Absent: `per-case`. */
  protocol?: CommandProtocol;
}

/**
 * The team's own app, in any language: the case's variables as JSON on stdin, the answer as JSON
 * on stdout — a process per case, or (protocol: lines) long-lived copies answering a line per case.
 * No shell; a process group is killed on timeout.
 */
function commandFlow(spec: CommandFlowSpec, dir: string): Flow {
  const common = { kind: 'command', needsModel: false, failureKind: appFailure, timeoutMs: spec.timeoutMs } as const;
  if (spec.protocol === 'lines') {
    const apps = new LineApps(spec, dir);
    return { ...common, invoke: (vars, signal) => apps.invoke(vars, signal), close: () => apps.close() };
  }
  return { ...common, invoke: (vars, signal) => invokePerCase(spec, dir, vars, signal) };
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
    ...(raw.protocol === 'lines' ? { protocol: 'lines' as const } : {}),
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
      protocol: {
        enum: ['per-case', 'lines'],
        default: 'per-case',
        description:
          'per-case: a process per case, the case JSON on stdin up to EOF, one JSON answer on stdout. lines: started once (a copy per case in flight, reused), one case JSON per line on stdin, one JSON answer per line on stdout: no start-up cost per case.',
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
