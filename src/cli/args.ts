import type { ParseArgsOptionsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { DEFAULTS, MAX_CONCURRENCY } from '../core/defaults.js';
import type { FailOn } from '../compare/fail-policy.js';
import { parseFailOn } from '../compare/fail-policy.js';
import { closestName } from '../core/edit-distance.js';
import { ConfigError } from '../core/errors.js';
import type { Selection } from '../suites/select.js';
import { isSubset } from '../suites/select.js';
import type { OutputFormatName } from '../report/formats.js';
import { isOutputFormat, OUTPUT_FORMAT_NAMES } from '../report/formats.js';
import type { HistoryCommand } from './history-command.js';
import { parseHistoryCommand } from './history-command.js';
import type { InitCommand } from './init/init-command.js';
import { parseInitArgs } from './init/init-command.js';
import type { ImportArgs } from './import-command.js';
import { boundedInt, checkBaseUrl, MAX_TIMEOUT_SECONDS } from '../core/input-checks.js';
import type { ShardSpec } from '../engine/shard.js';
import { parseShard } from '../engine/shard.js';
import { parseHeaderLines } from '../core/http-headers.js';

/** A parsed command line: pure data, so flag parsing is tested alone. */
type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'run'; suites: string[]; flags: RunFlags }
  | { name: 'compare'; baseline: string; results: string; failOn: FailOn; format: OutputFormatName; html?: string; explain: boolean }
  | HistoryCommand
  | InitCommand
  | ({ name: 'import' } & ImportArgs)
  | { name: 'merge'; parts: string[]; output: string };


export interface RunFlags {
  cwd: string;
  output: string;
  report: string;
  /** Baseline to compare with; `undefined` with --no-compare. */
  baseline: string | undefined;
  /** Also write the results as the new baseline (what main's refresh does). */
  updateBaseline: boolean;
  model?: string;
  judgeModel?: string;
  baseUrl?: string;
  /** --header 'Name: value' (repeatable): extra headers on every model request. */
  headers?: Record<string, string>;
  concurrency: number;
  timeoutMs: number;
  failOn: FailOn;
  format: OutputFormatName;
  /** --explain: the terminal also says how the gate decided (error budget, what each suite can detect). */
  explain: boolean;
  /** Some cases or metrics only, or another repeat. */
  selection: Selection;
  /** Also write the self-contained HTML report here. */
  html?: string;
  /** false with --no-cache: no answer is served from (or written to) the response cache. */
  cache: boolean;
  /** --shard 2/8: run only this part of the cases and write partial results. */
  shard?: ShardSpec;
  /** --batch: every suite's flow calls go through the OpenAI Batch API. */
  batch: boolean;
  /** --sequential / --no-sequential when given: whether suites compared with the baseline stop once the verdict is known. */
  sequential?: boolean;
}

const RUN_OPTIONS = {
  cwd: { type: 'string' },
  output: { type: 'string', short: 'o', default: DEFAULTS.results },
  report: { type: 'string', default: DEFAULTS.report },
  baseline: { type: 'string', short: 'b', default: DEFAULTS.baseline },
  'no-compare': { type: 'boolean', default: false },
  'update-baseline': { type: 'boolean', default: false },
  model: { type: 'string' },
  'judge-model': { type: 'string' },
  'base-url': { type: 'string' },
  header: { type: 'string', multiple: true },
  concurrency: { type: 'string', short: 'c', default: String(DEFAULTS.concurrency) },
  timeout: { type: 'string', default: String(DEFAULTS.timeoutSeconds) },
  'fail-on': { type: 'string', default: 'regression' },
  format: { type: 'string', default: 'text' },
  explain: { type: 'boolean', default: false },
  repeat: { type: 'string' },
  filter: { type: 'string', multiple: true },
  metric: { type: 'string', multiple: true },
  limit: { type: 'string' },
  sample: { type: 'string' },
  seed: { type: 'string', default: '1' },
  html: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  shard: { type: 'string' },
  batch: { type: 'boolean', default: false },
  sequential: { type: 'boolean' },
  'no-sequential': { type: 'boolean' },
} as const;

const MERGE_OPTIONS = {
  output: { type: 'string', short: 'o', default: DEFAULTS.results },
} as const;

const COMPARE_OPTIONS = {
  'fail-on': { type: 'string', default: 'regression' },
  format: { type: 'string', default: 'text' },
  explain: { type: 'boolean', default: false },
  html: { type: 'string' },
} as const;

function positiveInt(value: string, flag: string): number {
  return boundedInt(value, flag, 1, 1_000_000);
}

function outputFormat(value: string): OutputFormatName {
  if (isOutputFormat(value)) return value;
  throw new ConfigError(`--format must be one of ${OUTPUT_FORMAT_NAMES.join(', ')}, got "${value}"`, {}, 'run `evalgate help run` for the formats');
}

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    const unknown = /Unknown option '(--?[\w-]+)'/.exec((error as Error).message)?.[1];
    const close = unknown ? closestName(unknown.replace(/^-+/, ''), Object.keys(options)) : undefined;
    throw new ConfigError((error as Error).message, {}, close ? `did you mean --${close}?` : `run \`evalgate help ${command}\` for the flags`);
  }
}

function selectionFrom(values: { repeat?: string; filter?: string[]; metric?: string[]; limit?: string; sample?: string; seed: string }): Selection {
  return {
    ...(values.repeat ? { repeat: positiveInt(values.repeat, '--repeat') } : {}),
    ...(values.filter?.length ? { cases: values.filter } : {}),
    ...(values.metric?.length ? { metrics: values.metric } : {}),
    ...(values.limit ? { limit: positiveInt(values.limit, '--limit') } : {}),
    ...(values.sample ? { sample: { size: positiveInt(values.sample, '--sample'), seed: values.seed } } : {}),
  };
}

const COMMANDS = ['run', 'compare', 'merge', 'history', 'init', 'import', 'help', 'version'];

export function parseCommand(argv: readonly string[], cwd: string): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    return { name: 'help', ...(rest[0] ? { topic: rest[0] } : {}) };
  }
  if (name === 'version' || name === '--version' || name === '-v') return { name: 'version' };
  if (rest.includes('--help') || rest.includes('-h')) return { name: 'help', topic: name };
  if (name === 'init') return parseInitArgs(rest, cwd);
  if (name === 'run') {
    const { values, positionals } = parse(rest, RUN_OPTIONS, 'run');
    const selection = selectionFrom(values);
    if (values['update-baseline'] && isSubset(selection)) {
      throw new ConfigError('--update-baseline writes the whole baseline, so it cannot take --filter, --metric, --limit or --sample', {}, 'run every case to refresh the baseline');
    }
    if (values.sequential && values['no-sequential']) {
      throw new ConfigError('--sequential and --no-sequential contradict each other', {}, 'give one of them (default: stop once the verdict is known)');
    }
    if (values.shard && values['update-baseline']) {
      throw new ConfigError('--shard writes partial results, never a baseline', {}, 'merge the shards with `evalgate merge`, then write the baseline from the merged file');
    }
    return {
      name: 'run',
      suites: positionals.length ? positionals : [...DEFAULTS.suites],
      flags: {
        cwd: values.cwd ?? cwd,
        output: values.output,
        report: values.report,
        baseline: values['no-compare'] ? undefined : values.baseline,
        updateBaseline: values['update-baseline'],
        ...(values.model ? { model: values.model } : {}),
        ...(values['judge-model'] ? { judgeModel: values['judge-model'] } : {}),
        ...(values['base-url'] ? { baseUrl: checkBaseUrl(values['base-url'], '--base-url') } : {}),
        ...(values.header?.length ? { headers: parseHeaderLines(values.header, (index) => `--header #${index + 1}`) } : {}),
        concurrency: boundedInt(values.concurrency, '--concurrency', 1, MAX_CONCURRENCY),
        timeoutMs: boundedInt(values.timeout, '--timeout (seconds)', 1, MAX_TIMEOUT_SECONDS) * 1000,
        failOn: parseFailOn(values['fail-on'], '--fail-on'),
        format: outputFormat(values.format),
        explain: values.explain,
        selection,
        ...(values.html ? { html: values.html } : {}),
        cache: !values['no-cache'],
        ...(values.shard ? { shard: parseShard(values.shard, '--shard') } : {}),
        batch: values.batch,
        ...(values.sequential || values['no-sequential'] ? { sequential: values.sequential === true } : {}),
      },
    };
  }
  if (name === 'compare') {
    const { values, positionals } = parse(rest, COMPARE_OPTIONS, 'compare');
    const [baseline, results, extra] = positionals;
    if (!baseline || !results || extra) {
      throw new ConfigError('compare takes exactly two files', {}, 'usage: evalgate compare <baseline.json> <results.json>');
    }
    return {
      name: 'compare',
      baseline,
      results,
      failOn: parseFailOn(values['fail-on'], '--fail-on'),
      format: outputFormat(values.format),
      explain: values.explain,
      ...(values.html ? { html: values.html } : {}),
    };
  }
  if (name === 'history') return parseHistoryCommand(rest, cwd);
  if (name === 'merge') {
    const { values, positionals } = parse(rest, MERGE_OPTIONS, 'merge');
    if (positionals.length === 0) throw new ConfigError('merge needs the shards\' results files', {}, 'usage: evalgate merge <results…> [-o merged.json]');
    return { name: 'merge', parts: positionals, output: values.output };
  }
  if (name === 'import') {
    const { values, positionals } = parse(rest, { out: { type: 'string' }, cwd: { type: 'string' } }, 'import');
    const [source, path, extra] = positionals;
    if ((source !== 'promptflow' && source !== 'promptfoo' && source !== 'openai-evals') || !path || extra) {
      throw new ConfigError('import takes a source and a path', {}, 'usage: evalgate import promptflow|promptfoo|openai-evals PATH [--out DIR]');
    }
    return { name: 'import', source, path, cwd: values.cwd ?? cwd, ...(values.out ? { out: values.out } : {}) };
  }
  const close = closestName(name, COMMANDS);
  throw new ConfigError(`unknown command "${name}"`, {}, close ? `did you mean "${close}"?` : `commands: ${COMMANDS.join(', ')}`);
}
