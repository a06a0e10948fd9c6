import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../../core/errors.js';
import type { CliIO } from '../io.js';
import { scaffold } from './scaffold.js';
import type { FlowKind } from './templates.js';

export interface InitCommand {
  name: 'init';
  /** Unset: ask on a terminal, else the offline `command` flow. */
  flow: FlowKind | undefined;
  force: boolean;
  cwd: string;
}

export const INIT_HELP = `Usage: evalgate init   (scaffold a starter suite, its data and .github/workflows/evalgate.yml)

      --flow KIND          command (default: a tiny local app, runs offline) | prompt (a model; needs OPENAI_API_KEY)
      --force              overwrite files that already exist
      --cwd DIR            scaffold into DIR`;

function flowKind(value: string): FlowKind {
  const kind = value.trim().toLowerCase();
  if (kind === 'command' || kind === 'prompt') return kind;
  throw new ConfigError(`--flow must be command or prompt, got "${value}"`, {}, 'pass --flow command (offline) or --flow prompt (a model)');
}

export function parseInitArgs(args: string[], cwd: string): InitCommand {
  try {
    const { values } = parseArgs({ args, options: { flow: { type: 'string' }, force: { type: 'boolean', default: false }, cwd: { type: 'string' } }, strict: true });
    return { name: 'init', flow: values.flow === undefined ? undefined : flowKind(values.flow), force: values.force, cwd: values.cwd ?? cwd };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError((error as Error).message, {}, 'run `evalgate help init` for the flags');
  }
}

/** On a terminal with no --flow: one question, Enter keeps the offline default. */
async function chooseFlow(command: InitCommand, io: CliIO): Promise<FlowKind> {
  if (command.flow) return command.flow;
  if (!io.ask) return 'command';
  const answer = await io.ask('Flow under test: (c)ommand — your app, offline — or (p)rompt — a model? [c] ');
  return /^p/i.test(answer.trim()) ? 'prompt' : 'command';
}

export async function initCommand(command: InitCommand, io: CliIO): Promise<number> {
  const flow = await chooseFlow(command, io);
  const written = await scaffold(resolve(io.cwd, command.cwd), flow, command.force);
  for (const path of written) io.stdout(`created ${path}\n`);
  io.stdout(
    flow === 'command'
      ? '\nNext: `npx evalgate run` runs the starter suite offline; `npx evalgate run --update-baseline` writes evals/baseline.json — commit it with the workflow.\n'
      : '\nNext: `OPENAI_API_KEY=… npx evalgate run --update-baseline` runs the suite and writes evals/baseline.json; add the OPENAI_API_KEY secret to the repository for the workflow.\n',
  );
  return 0;
}
