import type { ParseArgsOptionsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../core/defaults.js';
import type { FailOn } from '../engine/fail-policy.js';
import { parseFailOn } from '../engine/fail-policy.js';
import { ConfigError } from '../core/errors.js';
import type { ShardSpec } from '../engine/shard.js';
import { parseShard } from '../engine/shard.js';

/** A parsed command line: pure data, so flag parsing is tested alone. */
export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'run'; suites: string[]; flags: RunFlags }
  | { name: 'compare'; baseline: string; results: string; failOn: FailOn; format: OutputFormat }
  | { name: 'merge'; parts: string[]; output: string };

export type OutputFormat = 'text' | 'markdown' | 'json';

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
  concurrency: number;
  timeoutMs: number;
  failOn: FailOn;
  format: OutputFormat;
  /** false with --no-cache: no answer is served from (or written to) the response cache. */
  cache: boolean;
  /** --shard 2/8: run only this part of the cases and write partial results. */
  shard?: ShardSpec;
  /** --batch: every suite's flow calls go through the OpenAI Batch API. */
  batch: boolean;
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
  concurrency: { type: 'string', short: 'c', default: String(DEFAULTS.concurrency) },
  timeout: { type: 'string', default: String(DEFAULTS.timeoutSeconds) },
  'fail-on': { type: 'string', default: 'regression' },
  format: { type: 'string', default: 'text' },
  'no-cache': { type: 'boolean', default: false },
  shard: { type: 'string' },
  batch: { type: 'boolean', default: false },
} as const;

const MERGE_OPTIONS = {
  output: { type: 'string', short: 'o', default: DEFAULTS.results },
} as const;

const COMPARE_OPTIONS = {
  'fail-on': { type: 'string', default: 'regression' },
  format: { type: 'string', default: 'text' },
} as const;

function positiveInt(value: string, flag: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new ConfigError(`${flag} must be a whole number ≥ 1, got "${value}"`);
  return parsed;
}

function outputFormat(value: string): OutputFormat {
  if (value === 'text' || value === 'markdown' || value === 'json') return value;
  throw new ConfigError(`--format must be one of text, markdown, json, got "${value}"`);
}

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    throw new ConfigError((error as Error).message, {}, 'run `evalgate help` for the flags');
  }
}

export function parseCommand(argv: readonly string[], cwd: string): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    return { name: 'help', ...(rest[0] ? { topic: rest[0] } : {}) };
  }
  if (name === 'version' || name === '--version' || name === '-v') return { name: 'version' };
  if (rest.includes('--help') || rest.includes('-h')) return { name: 'help', topic: name };
  if (name === 'run') {
    const { values, positionals } = parse(rest, RUN_OPTIONS);
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
        ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
        concurrency: positiveInt(values.concurrency, '--concurrency'),
        timeoutMs: positiveInt(values.timeout, '--timeout') * 1000,
        failOn: parseFailOn(values['fail-on'], '--fail-on'),
        format: outputFormat(values.format),
        cache: !values['no-cache'],
        ...(values.shard ? { shard: parseShard(values.shard, '--shard') } : {}),
        batch: values.batch,
      },
    };
  }
  if (name === 'merge') {
    const { values, positionals } = parse(rest, MERGE_OPTIONS);
    if (positionals.length === 0) throw new ConfigError('merge needs the shards\' results files', {}, 'usage: evalgate merge <results…> [-o merged.json]');
    return { name: 'merge', parts: positionals, output: values.output };
  }
  if (name === 'compare') {
    const { values, positionals } = parse(rest, COMPARE_OPTIONS);
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
    };
  }
  throw new ConfigError(`unknown command "${name}"`, {}, 'commands: run, compare, merge, help, version');
}
