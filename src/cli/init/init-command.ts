import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../../core/errors.js';
import type { CliIO } from '../io.js';
import { scaffold } from './scaffold.js';
import type { StarterFlow } from './templates.js';
import { DEFAULT_ACTION, isPlaceholderAction } from './templates.js';

/** `owner/repo@ref`, `owner/repo/path@ref` or a local `./path`: what a workflow's `uses:` accepts. */
function actionRef(value: string): string {
  const action = value.trim();
  if (/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w./-]+$/.test(action) || /^\.\/[\w./-]*$/.test(action)) return action;
  throw new ConfigError(`--action must be owner/repo@ref (as in \`uses:\`), got "${value}"`, {}, 'for example --action my-org/evalgate@v1');
}

export interface InitCommand {
  name: 'init';
  /** Unset: ask on a terminal, else the offline `command` flow. */
  flow: StarterFlow | undefined;
  force: boolean;
  cwd: string;
  /** `uses:` of the workflow: owner/repo@ref (default: EvalGate's repository, @v1). */
  action?: string;
}

export const INIT_HELP = `Usage: evalgate init   (scaffold a starter suite, its data and .github/workflows/evalgate.yml)

      --flow KIND          command (default: a tiny local app, runs offline) | prompt (a model; needs OPENAI_API_KEY)
      --action OWNER/REPO@REF   the EvalGate action the workflow uses (default ${DEFAULT_ACTION})
      --force              overwrite files that already exist
      --cwd DIR            scaffold into DIR
It also adds .evalgate/ (local results, reports and cache) to .gitignore.`;

function starterFlow(value: string): StarterFlow {
  const kind = value.trim().toLowerCase();
  if (kind === 'command' || kind === 'prompt') return kind;
  throw new ConfigError(`--flow must be command or prompt, got "${value}"`, {}, 'pass --flow command (offline) or --flow prompt (a model)');
}

export function parseInitArgs(args: string[], cwd: string): InitCommand {
  try {
    const { values } = parseArgs({ args, options: { flow: { type: 'string' }, force: { type: 'boolean', default: false }, cwd: { type: 'string' }, action: { type: 'string' } }, strict: true });
    return {
      name: 'init',
      flow: values.flow === undefined ? undefined : starterFlow(values.flow),
      force: values.force,
      cwd: values.cwd ?? cwd,
      ...(values.action === undefined ? {} : { action: actionRef(values.action) }),
    };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError((error as Error).message, {}, 'run `evalgate help init` for the flags');
  }
}

/** On a terminal with no --flow: one question, Enter keeps the offline default. */
async function chooseFlow(command: InitCommand, io: CliIO): Promise<StarterFlow> {
  if (command.flow) return command.flow;
  if (!io.ask) return 'command';
  const answer = await io.ask('Flow under test: (c)ommand — your app, offline — or (p)rompt — a model? [c] ');
  return /^p/i.test(answer.trim()) ? 'prompt' : 'command';
}

export async function initCommand(command: InitCommand, io: CliIO): Promise<number> {
  const flow = await chooseFlow(command, io);
  const action = command.action ?? DEFAULT_ACTION;
  const written = await scaffold(resolve(io.cwd, command.cwd), flow, command.force, action);
  for (const path of written) io.stdout(path === '.gitignore' ? 'added .evalgate/ to .gitignore\n' : `created ${path}\n`);
  if (isPlaceholderAction(action)) {
    io.stderr(`\nevalgate: .github/workflows/evalgate.yml says \`uses: ${action}\`: replace OWNER with the owner of the EvalGate repository you use before you push (or re-run with --action owner/evalgate@v1 --force).\n`);
  }
  io.stdout(
    flow === 'command'
      ? '\nNext: `npx evalgate run` runs the starter suite offline; `npx evalgate run --update-baseline` writes evals/baseline.json — commit it with the workflow.\n'
      : '\nNext: `OPENAI_API_KEY=… npx evalgate run --update-baseline` runs the suite and writes evals/baseline.json; add the OPENAI_API_KEY secret to the repository for the workflow.\n',
  );
  return 0;
}
